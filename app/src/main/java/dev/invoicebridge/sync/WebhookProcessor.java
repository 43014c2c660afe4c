package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.AttioInvoiceRecords;
import dev.invoicebridge.invoicing.InvoiceId;
import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.InvoiceSync.Outcome;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import dev.invoicebridge.settings.SyncSettings;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies one stored event: the invoice it names is re-read from the provider and synced, so the
 * event's own payload, possibly stale, never decides anything. An event that a later completed read
 * already reflects is applied without a read of its own (see {@link ReadCoalescer}).
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
  private final ReadCoalescer reads;
  private final AttioInvoiceRecords attio;
  private final SyncSettings settings;

  WebhookProcessor(WebhookInbox inbox, InvoiceSync sync, Collaborators more) {
    this.inbox = inbox;
    this.sync = sync;
    this.reads = more.reads();
    this.attio = more.attio();
    this.settings = more.settings();
  }

  /** The remaining collaborators, grouped to keep the constructor small. */
  @Component
  record Collaborators(ReadCoalescer reads, AttioInvoiceRecords attio, SyncSettings settings) {}

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
      return apply(event, new ProviderInvoiceId(event.objectId().get()), failuresSoFar);
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

  private String apply(InboxEvent event, ProviderInvoiceId invoice, int failuresSoFar) {
    Optional<InvoiceId> read = reads.alreadyRead(event, invoice);
    if (read.isPresent()) {
      // The mirror is up to date; Attio may not be, if a write after a later apply failed (that
      // write's own event is retried, but may itself be covered). Unchanged values write nothing.
      attio.upsert(event.workspace(), read.get());
      inbox.processed(event);
      return event.type() + ": covered by a later read";
    }
    Instant readStarts = reads.readStarts();
    Outcome outcome =
        sync.sync(
            event.workspace(), event.provider(), invoice, failuresSoFar >= ADOPT_AFTER_FAILURES);
    if (outcome == Outcome.NOT_MIRRORED) {
      throw new NotMirroredYet(invoice.value());
    }
    reads.readApplied(event, invoice, readStarts);
    inbox.processed(event);
    return event.type() + ": " + outcome;
  }

  /** The invoice is not in the mirror yet; retried, then adopted. */
  static final class NotMirroredYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotMirroredYet(String invoiceId) {
      super("invoice " + invoiceId + " is not mirrored yet");
    }
  }
}
