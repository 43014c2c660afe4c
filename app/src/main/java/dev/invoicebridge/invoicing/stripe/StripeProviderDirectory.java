package dev.invoicebridge.invoicing.stripe;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionTarget;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.invoicing.InvoicingProvider;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One Stripe adapter per connected account, shared by every caller in this instance: its per-email
 * customer locks only prevent duplicates if everyone goes through the same one.
 */
@Component
class StripeProviderDirectory implements ProviderDirectory {
  private final Connections connections;
  private final Clock clock;
  private final Map<Key, InvoicingProvider> providers = new ConcurrentHashMap<>();

  StripeProviderDirectory(Connections connections, Clock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  // The key is part of the cache key so that a reconnect with another key takes effect at once.
  private record Key(WorkspaceId workspace, URI baseUrl, Secret apiKey) {}

  @Override
  public InvoicingProvider forWorkspace(WorkspaceId workspace, Provider provider) {
    Connection connection =
        connections
            .get(workspace, ConnectionKind.STRIPE)
            .orElseThrow(() -> new ProviderNotConnected(provider));
    ConnectionTarget target = connections.target(connection);
    return providers.computeIfAbsent(
        new Key(workspace, target.baseUrl(), target.credential()),
        key ->
            new StripeInvoicingProvider(
                StripeInvoicing.connect(StripeSettings.of(key.apiKey(), key.baseUrl())), clock));
  }

  @Override
  public boolean connected(WorkspaceId workspace, Provider provider) {
    return connections.get(workspace, ConnectionKind.STRIPE).isPresent();
  }
}
