package dev.invoicebridge.sync;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionMode;
import dev.invoicebridge.connection.LocalServer;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.invoicing.WebhookEndpointState;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.WorkspaceId;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Our Stripe webhook endpoint of a workspace: registered (or repaired) where Stripe can reach this
 * service, and removed. A new signing secret goes straight into the vault, since Stripe shows it
 * only once.
 */
@Component
class StripeWebhookRegistrar {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookRegistrar.class);

  private final ProviderDirectory providers;
  private final StripeWebhookSecrets secrets;
  private final LocalServer localServer;
  private final InvoicebridgeProperties properties;

  StripeWebhookRegistrar(
      ProviderDirectory providers,
      StripeWebhookSecrets secrets,
      LocalServer localServer,
      InvoicebridgeProperties properties) {
    this.providers = providers;
    this.secrets = secrets;
    this.localServer = localServer;
    this.properties = properties;
  }

  /**
   * Finds or creates the endpoint, repairing a disabled one or one missing events.
   *
   * @return whether a new endpoint (with a new secret) was created
   */
  boolean ensure(Connection stripe) {
    WorkspaceId workspace = stripe.workspaceId();
    Optional<Secret> fresh =
        providers
            .forWorkspace(workspace, Provider.STRIPE)
            .ensureWebhookEndpoint(url(stripe), secrets.stored(workspace));
    fresh.ifPresent(s -> secrets.replace(workspace, s));
    log.info("Stripe webhook endpoint {}", fresh.isPresent() ? "created" : "in place");
    return fresh.isPresent();
  }

  /**
   * Deletes our endpoint at Stripe and forgets its secrets (those even when Stripe fails).
   *
   * @return whether Stripe had one
   */
  boolean remove(Connection stripe) {
    boolean removed;
    try {
      removed =
          providers
              .forWorkspace(stripe.workspaceId(), Provider.STRIPE)
              .removeWebhookEndpoint(url(stripe));
    } finally {
      // Even when Stripe cannot be asked: a secret without its endpoint verifies nothing of use.
      secrets.forget(stripe.workspaceId());
    }
    log.info("Stripe webhook endpoint {}", removed ? "removed" : "already absent");
    return removed;
  }

  /** The endpoint as Stripe has it now, if there is one. */
  Optional<WebhookEndpointState> state(Connection stripe) {
    return providers
        .forWorkspace(stripe.workspaceId(), Provider.STRIPE)
        .webhookEndpoint(url(stripe));
  }

  /**
   * Where Stripe delivers this workspace's events: the public URL for the real Stripe, this
   * instance's own address for the emulator running inside it.
   */
  URI url(Connection stripe) {
    if (stripe.kind() != ConnectionKind.STRIPE) {
      throw new IllegalArgumentException("not a Stripe connection: " + stripe.kind());
    }
    String path = "/webhooks/stripe/" + stripe.workspaceId().value();
    if (stripe.mode() == ConnectionMode.SANDBOX) {
      return localServer.sandboxBaseUrl(ConnectionKind.STRIPE).resolve(path);
    }
    return URI.create(properties.publicUrl().toString().replaceAll("/+$", "") + path);
  }
}
