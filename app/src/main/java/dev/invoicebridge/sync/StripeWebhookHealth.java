package dev.invoicebridge.sync;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEndpointState;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The Stripe webhook health of a workspace: Stripe's view of our endpoint, and our inbox's. */
@Service
public class StripeWebhookHealth {
  private static final int SHOWN_FAILURES = 20;

  private final Connections connections;
  private final StripeWebhookRegistrar registrar;
  private final Sources sources;

  /** The local sources, grouped to keep the constructor small. */
  @org.springframework.stereotype.Component
  record Sources(
      InboxStats inbox, WebhookRejections rejections, SyncSettings settings, Clock clock) {}

  StripeWebhookHealth(Connections connections, StripeWebhookRegistrar registrar, Sources sources) {
    this.connections = connections;
    this.registrar = registrar;
    this.sources = sources;
  }

  /** Empty while Stripe is not connected. Asks Stripe once; its failure is part of the answer. */
  public Optional<WebhookHealth> of(WorkspaceId workspace) {
    Optional<Connection> stripe = connections.get(workspace, ConnectionKind.STRIPE);
    if (stripe.isEmpty()) {
      return Optional.empty();
    }
    Optional<WebhookEndpointState> endpoint = Optional.empty();
    Optional<String> unreadable = Optional.empty();
    try {
      endpoint = registrar.state(stripe.get());
    } catch (InvoicingFailure e) {
      unreadable = Optional.of(unreadable(e));
    }
    return Optional.of(
        new WebhookHealth(
            registrar.url(stripe.get()),
            sources.settings().syncEnabled(workspace),
            endpoint,
            unreadable,
            sources.inbox().lastReceived(workspace, Provider.STRIPE),
            sources.inbox().failing(workspace, Provider.STRIPE, SHOWN_FAILURES),
            sources.inbox().failingCount(workspace, Provider.STRIPE),
            sources
                .rejections()
                .since(
                    workspace,
                    Provider.STRIPE,
                    sources.clock().instant().minus(Duration.ofHours(24)))));
  }

  private static String unreadable(InvoicingFailure e) {
    return switch (e.kind()) {
      case PERMISSION ->
          "The Stripe key may not read webhook endpoints (Webhook Endpoints Read is missing).";
      case AUTHENTICATION -> "Stripe rejected the API key; connect a valid key.";
      case RATE_LIMITED -> "Stripe is rate limiting this key; reload in a moment.";
      default -> "Stripe could not be asked about the webhook endpoint; reload in a moment.";
    };
  }
}
