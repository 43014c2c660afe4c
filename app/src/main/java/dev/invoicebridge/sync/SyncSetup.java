package dev.invoicebridge.sync;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.schema.SchemaManager;
import dev.invoicebridge.schema.SchemaReport;
import dev.invoicebridge.settings.SyncPreferences;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Makes Attio and Stripe match a workspace's sync switch. On: the invoices object is set up in
 * Attio and our Stripe webhook endpoint registered. Off (send-only): our endpoint is removed and
 * nothing is set up. Failures do not undo the switch; they come back as warnings, and the next
 * connection check repairs the endpoint.
 */
@Service
public class SyncSetup {
  private static final Logger log = LoggerFactory.getLogger(SyncSetup.class);

  private final SyncSettings settings;
  private final SchemaManager schema;
  private final StripeWebhookRegistrar registrar;
  private final Connections connections;

  SyncSetup(
      SyncSettings settings,
      SchemaManager schema,
      StripeWebhookRegistrar registrar,
      Connections connections) {
    this.settings = settings;
    this.schema = schema;
    this.registrar = registrar;
    this.connections = connections;
  }

  /** Saves the preferences and, when the sync switch changed, applies it. */
  public Applied update(WorkspaceId workspace, SyncPreferences preferences) {
    boolean before = settings.syncEnabled(workspace);
    settings.save(workspace, preferences);
    log.info(
        "Sync preferences saved: sync invoices {}, create missing people {}",
        preferences.syncInvoices(),
        preferences.createMissingPeople());
    return before == preferences.syncInvoices() ? Applied.nothing() : apply(workspace);
  }

  /** Sets up or tears down what the current sync switch asks for. */
  public Applied apply(WorkspaceId workspace) {
    Optional<Connection> stripe = connections.get(workspace, ConnectionKind.STRIPE);
    Applied schemaSetUp =
        settings.syncEnabled(workspace) ? setUpSchema(workspace) : Applied.nothing();
    return stripe.map(s -> schemaSetUp.and(endpoint(s))).orElse(schemaSetUp);
  }

  /** Registers our Stripe endpoint while sync is on, removes it while sync is off. */
  Applied endpoint(Connection stripe) {
    return settings.syncEnabled(stripe.workspaceId())
        ? ensureEndpoint(stripe)
        : removeEndpoint(stripe);
  }

  private Applied setUpSchema(WorkspaceId workspace) {
    try {
      SchemaReport report = schema.ensure(workspace);
      String summary = "Attio: " + report.summary();
      return report.healthy()
          ? Applied.note(summary)
          : Applied.warning(summary + " Fix it under Settings → Attio schema.");
    } catch (AttioNotConnected e) {
      return Applied.warning(e.getMessage());
    } catch (AttioException e) {
      return Applied.warning(
          "Attio could not set up the invoices object (HTTP "
              + e.statusCode()
              + "); try again under Settings → Attio schema.");
    }
  }

  private Applied ensureEndpoint(Connection stripe) {
    try {
      boolean created = registrar.ensure(stripe);
      return Applied.note(
          (created
                  ? "Stripe webhook endpoint registered at "
                  : "Stripe webhook endpoint in place at ")
              + registrar.url(stripe)
              + ".");
    } catch (InvoicingFailure e) {
      return Applied.warning(
          "The Stripe webhook endpoint could not be registered ("
              + describe(e)
              + "); the next connection check tries again.");
    }
  }

  /** Removes our endpoint; its secrets are forgotten even when Stripe cannot be asked. */
  Applied removeEndpoint(Connection stripe) {
    try {
      return Applied.note(
          registrar.remove(stripe)
              ? "Stripe webhook endpoint removed."
              : "No Stripe webhook endpoint of ours was registered.");
    } catch (InvoicingFailure e) {
      return Applied.warning(
          "The Stripe webhook endpoint could not be removed ("
              + describe(e)
              + "); delete "
              + registrar.url(stripe)
              + " in the Stripe Dashboard under Developers → Webhooks.");
    }
  }

  private static String describe(InvoicingFailure e) {
    return switch (e.kind()) {
      case PERMISSION -> "the key lacks Webhook Endpoints Write";
      case AUTHENTICATION -> "Stripe rejected the key";
      case RATE_LIMITED -> "Stripe is rate limiting this key";
      default -> "Stripe could not be reached or failed";
    };
  }
}
