package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Takes a verified delivery: the event and its body stored in the inbox in one commit before the
 * caller answers, so an acknowledged event is never lost; then the drain is woken to apply it. When
 * storing fails the caller answers 5xx, so Stripe delivers the event again.
 */
@Component
class WebhookIntake {
  private final WebhookInbox inbox;
  private final InboxDrain drain;

  WebhookIntake(WebhookInbox inbox, InboxDrain drain) {
    this.inbox = inbox;
    this.drain = drain;
  }

  /** Stores the event; false for an event stored before (a duplicate). */
  boolean accept(WorkspaceId workspace, Provider provider, WebhookEvent event, String payload) {
    boolean fresh = inbox.store(workspace, provider, event, payload);
    if (fresh) {
      drain.wake();
    }
    return fresh;
  }
}
