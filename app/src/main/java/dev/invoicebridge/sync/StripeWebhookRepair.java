package dev.invoicebridge.sync;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionChecked;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.settings.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each workspace's Stripe webhook endpoint as its sync setting wants it: at start-up (once
 * start-up has connected Stripe) and after every successful Stripe connection check, a missing,
 * disabled or incomplete endpoint is repaired while sync is on, and ours is removed while it is
 * off.
 */
@Component
class StripeWebhookRepair {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookRepair.class);

  private final Connections connections;
  private final SyncSettings settings;
  private final StripeWebhookRegistrar registrar;

  StripeWebhookRepair(
      Connections connections, SyncSettings settings, StripeWebhookRegistrar registrar) {
    this.connections = connections;
    this.settings = settings;
    this.registrar = registrar;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartup() {
    connections.all().stream()
        .filter(c -> c.kind() == ConnectionKind.STRIPE)
        .forEach(this::reconcile);
  }

  @EventListener
  void afterCheck(ConnectionChecked checked) {
    if (checked.connection().kind() == ConnectionKind.STRIPE && checked.check().ok()) {
      reconcile(checked.connection());
    }
  }

  /** Never fails its caller: the next check tries again, and Settings shows the state. */
  private void reconcile(Connection stripe) {
    try {
      if (settings.syncEnabled(stripe.workspaceId())) {
        registrar.ensure(stripe);
      } else {
        registrar.remove(stripe);
      }
    } catch (RuntimeException e) {
      log.warn("Could not reconcile the Stripe webhook endpoint: {}", e.getClass().getSimpleName());
    }
  }
}
