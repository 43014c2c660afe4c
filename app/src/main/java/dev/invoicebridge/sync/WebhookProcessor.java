package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.InvoiceSync.Outcome;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import dev.invoicebridge.settings.SyncSettings;
import org.springframework.stereotype.Component;

/**
 * Applies one stored event: the invoice it names is re-read from the provider and synced, so the
 * event's own payload, possibly stale, never decides anything.
 */
@Component
class WebhookProcessor {
  /**
   * Attempts after which an invoice of ours that is still not mirrored is mirrored from the
   * provider (our create crashed after the provider call). Before that, our own create may still be
   * between the provider call and the mirror row. Invoices created elsewhere need no wait.
   */
  static final int ADOPT_AFTER_FAILURES = 3;

  private final WebhookInbox inbox;
  private final InvoiceSync sync;
  private final SyncSettings settings;

  WebhookProcessor(WebhookInbox inbox, InvoiceSync sync, SyncSettings settings) {
    this.inbox = inbox;
    this.sync = sync;
    this.settings = settings;
  }

  /** Applies the event; returns what happened, or throws to be retried later. */
  String process(Provider provider, String eventId, int failuresSoFar) {
    InboxEvent event =
        inbox
            .get(provider, eventId)
            .orElseThrow(() -> new IllegalStateException("event " + eventId + " is not stored"));
    if (event.processedAt().isPresent()) {
      return "already applied";
    }
    if (!settings.syncEnabled(event.workspace())) {
      // Stored before sync was turned off: send-only writes nothing to Attio.
      inbox.processed(event);
      return "dropped " + event.type() + ": sync is off";
    }
    if (!event.type().startsWith("invoice.") || event.objectId().isEmpty()) {
      inbox.processed(event);
      return "ignored " + event.type();
    }
    try {
      Outcome outcome =
          sync.sync(
              event.workspace(),
              provider,
              new ProviderInvoiceId(event.objectId().get()),
              failuresSoFar >= ADOPT_AFTER_FAILURES);
      if (outcome == Outcome.NOT_MIRRORED) {
        throw new NotMirroredYet(event.objectId().get());
      }
      inbox.processed(event);
      return event.type() + ": " + outcome;
    } catch (InvoicingFailure e) {
      if (e.kind() == InvoicingFailure.Kind.NOT_FOUND) {
        // Deleted (a draft) or never in this account: there is no state to apply.
        inbox.processed(event);
        return event.type() + ": invoice not found at the provider";
      }
      inbox.failed(event, e.getClass().getSimpleName() + " " + e.kind());
      throw e;
    } catch (RuntimeException e) {
      inbox.failed(event, e.getClass().getSimpleName());
      throw e;
    }
  }

  /** The invoice is not in the mirror yet; retried, then adopted. */
  static final class NotMirroredYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotMirroredYet(String invoiceId) {
      super("invoice " + invoiceId + " is not mirrored yet");
    }
  }
}
