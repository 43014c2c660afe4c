package dev.invoicebridge.web;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.backfill.Backfills;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionMode;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.schema.SchemaManager;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.sync.StripeConnector;
import dev.invoicebridge.sync.StripeWebhookHealth;
import dev.invoicebridge.workspace.Workspace;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the Settings page shows about Stripe and sync: the connection and its missing permissions,
 * the webhook's health, the sync switches, the latest backfill and the invoices schema in Attio.
 * Stripe and Attio are asked live; a failure to ask is shown in place, never a provider's own text.
 */
@Component
class StripePanel {
  private final Connections connections;
  private final StripeWebhookHealth webhooks;
  private final SyncSettings settings;
  private final Sources sources;

  /** The remaining sources, grouped to keep the constructor small. */
  @Component
  record Sources(SchemaManager schema, StripeConnector connector, Backfills backfills) {}

  StripePanel(
      Connections connections,
      StripeWebhookHealth webhooks,
      SyncSettings settings,
      Sources sources) {
    this.connections = connections;
    this.webhooks = webhooks;
    this.settings = settings;
    this.sources = sources;
  }

  void addTo(Model model, Workspace workspace) {
    Optional<Connection> stripe = connections.get(workspace.id(), ConnectionKind.STRIPE);
    model.addAttribute("stripe", stripe.orElse(null));
    model.addAttribute("stripeWebhook", webhooks.of(workspace.id()).orElse(null));
    model.addAttribute("syncPreferences", settings.get(workspace.id()));
    // Complete before backfill.js first polls, and without script at all.
    model.addAttribute(
        "backfill", BackfillPanel.of(sources.backfills().latestStripe(workspace.id())));
    model.addAttribute(
        "sandboxReconnectable",
        sources.connector().sandboxAvailable(workspace.id())
            && stripe.map(c -> c.mode() == ConnectionMode.LIVE).orElse(true));
    try {
      model.addAttribute("schemaReport", sources.schema().health(workspace.id()));
    } catch (AttioNotConnected e) {
      model.addAttribute("schemaError", e.getMessage());
    } catch (AttioException e) {
      model.addAttribute(
          "schemaError",
          "Attio could not answer (HTTP " + e.statusCode() + "); check the Attio connection.");
    }
  }
}
