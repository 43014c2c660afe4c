package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.InvoiceSync.Outcome;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import dev.invoicebridge.settings.SyncSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Applies one stored event: the invoice it names is re-read from the provider and synced, so the
 * event's own payload, possibly stale, never decides anything. An event that a later completed read
 * already reflects is applied without a read of its own (see {@link ReadCoalescer}). Each applied
 * event is counted in {@code invoicebridge.webhook.events} by provider and outcome ({@code read},
 * {@code covered}, {@code ignored}, {@code dropped}, {@code not_found}).
 */
@Component
class WebhookProcessor {
  /**
   * Attempts after which an invoice of ours that is still not mirrored is mirrored from the
   * provider (our create crashed after the provider call). Before that, our own create may still be
   * between the provider call and the mirror row. Invoices created elsewhere need no wait.
   */
  static final int ADOPT_AFTER_FAILURES = 3;

  static final String EVENTS_METRIC = "invoicebridge.webhook.events";

  private final WebhookInbox inbox;
  private final InvoiceSync sync;
  private final ReadCoalescer reads;
  private final SyncSettings settings;
  private final MeterRegistry metrics;

  WebhookProcessor(WebhookInbox inbox, InvoiceSync sync, Collaborators more) {
    this.inbox = inbox;
    this.sync = sync;
    this.reads = more.reads();
    this.settings = more.settings();
    this.metrics = more.metrics();
  }

  /** The remaining collaborators, grouped to keep the constructor small. */
  @Component
  record Collaborators(ReadCoalescer reads, SyncSettings settings, MeterRegistry metrics) {}

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
      return done(event, "dropped", "dropped " + event.type() + ": sync is off");
    }
    if (!event.type().startsWith("invoice.") || event.objectId().isEmpty()) {
      return done(event, "ignored", "ignored " + event.type());
    }
    try {
      return apply(event, new ProviderInvoiceId(event.objectId().get()), failuresSoFar);
    } catch (InvoicingFailure e) {
      if (e.kind() == InvoicingFailure.Kind.NOT_FOUND) {
        // Deleted (a draft) or never in this account: there is no state to apply.
        return done(event, "not_found", event.type() + ": invoice not found at the provider");
      }
      inbox.failed(event, e.getClass().getSimpleName() + " " + e.kind());
      throw e;
    } catch (RuntimeException e) {
      inbox.failed(event, e.getClass().getSimpleName());
      throw e;
    }
  }

  private String apply(InboxEvent event, ProviderInvoiceId invoice, int failuresSoFar) {
    if (reads.alreadyRead(event, invoice)) {
      // That read's sync wrote Attio before it was recorded, so Attio has the change too.
      return done(event, "covered", event.type() + ": covered by a later read");
    }
    Instant readStarts = reads.readStarts();
    Outcome outcome =
        sync.sync(
            event.workspace(), event.provider(), invoice, failuresSoFar >= ADOPT_AFTER_FAILURES);
    if (outcome == Outcome.NOT_MIRRORED) {
      throw new NotMirroredYet(invoice.value());
    }
    reads.readApplied(event, invoice, readStarts);
    return done(event, "read", event.type() + ": " + outcome);
  }

  private String done(InboxEvent event, String outcome, String message) {
    inbox.processed(event);
    // The registry hands back the counter it already has for these tags.
    Counter.builder(EVENTS_METRIC)
        .description("Webhook events applied, by how")
        .tag("provider", event.provider().name().toLowerCase(Locale.ROOT))
        .tag("outcome", outcome)
        .register(metrics)
        .increment();
    return message;
  }

  /** The invoice is not in the mirror yet; retried, then adopted. */
  static final class NotMirroredYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotMirroredYet(String invoiceId) {
      super("invoice " + invoiceId + " is not mirrored yet");
    }
  }
}
