package dev.invoicebridge.sync;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionChecked;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each workspace's Stripe webhook endpoint as its sync setting wants it: at start-up (once
 * start-up has connected Stripe) and after every successful Stripe connection check, a missing,
 * disabled or incomplete endpoint is repaired while sync is on, and ours is removed while it is
 * off. After a check, the Attio invoices object is set up too while sync is on, so connecting
 * Stripe (also the built-in sandbox at start-up) is all it takes; a schema already in place costs a
 * few reads and no write.
 */
@Component
class StripeWebhookRepair {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookRepair.class);

  private final Connections connections;
  private final SyncSetup setup;

  StripeWebhookRepair(Connections connections, SyncSetup setup) {
    this.connections = connections;
    this.setup = setup;
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
      // Checks run as background jobs, so the Attio writes of a first set-up wait for no one.
      try {
        setup.apply(checked.connection().workspaceId()).warnings().forEach(w -> log.warn("{}", w));
      } catch (RuntimeException e) {
        log.warn("Could not apply the sync setting: {}", e.getClass().getSimpleName());
      }
    }
  }

  /** Never fails its caller: the next check tries again, and Settings shows the state. */
  private void reconcile(Connection stripe) {
    try {
      setup.endpoint(stripe).warnings().forEach(w -> log.warn("{}", w));
    } catch (RuntimeException e) {
      log.warn("Could not reconcile the Stripe webhook endpoint: {}", e.getClass().getSimpleName());
    }
  }
}
