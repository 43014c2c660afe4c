package dev.invoicebridge.sync;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionMode;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.connection.LocalServer;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers (or repairs) the Stripe webhook endpoint of each workspace whose Stripe is the built-in
 * emulator, pointing at this instance, once start-up has connected it. A new signing secret goes
 * straight into the vault, since Stripe shows it only once.
 */
@Component
class StripeWebhookRegistrar {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookRegistrar.class);

  private final Workspaces workspaces;
  private final Connections connections;
  private final ProviderDirectory providers;
  private final SecretVault vault;
  private final LocalServer localServer;

  StripeWebhookRegistrar(
      Workspaces workspaces,
      Connections connections,
      ProviderDirectory providers,
      SecretVault vault,
      LocalServer localServer) {
    this.workspaces = workspaces;
    this.connections = connections;
    this.providers = providers;
    this.vault = vault;
    this.localServer = localServer;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerSandboxEndpoints() {
    for (var workspace : workspaces.all()) {
      Optional<Connection> stripe = connections.get(workspace.id(), ConnectionKind.STRIPE);
      if (stripe.filter(c -> c.mode() == ConnectionMode.SANDBOX).isPresent()) {
        try {
          ensure(workspace.id(), url(workspace.id()));
        } catch (RuntimeException e) {
          log.warn(
              "Could not register the Stripe webhook endpoint: {}", e.getClass().getSimpleName());
        }
      }
    }
  }

  /** Finds or creates the endpoint for {@code url}, storing a new secret in the vault. */
  void ensure(WorkspaceId workspace, URI url) {
    boolean stored = vault.contains(workspace, StripeWebhooksController.SECRET_NAME);
    Optional<Secret> fresh =
        providers.forWorkspace(workspace, Provider.STRIPE).ensureWebhookEndpoint(url, stored);
    fresh.ifPresent(s -> vault.put(workspace, StripeWebhooksController.SECRET_NAME, s));
    log.info(
        "Stripe webhook endpoint {} for this instance", fresh.isPresent() ? "created" : "in place");
  }

  /** This instance's own webhook URL, on the port the emulator can reach. */
  URI url(WorkspaceId workspace) {
    return localServer
        .sandboxBaseUrl(ConnectionKind.STRIPE)
        .resolve("/webhooks/stripe/" + workspace.value());
  }
}
