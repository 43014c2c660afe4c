package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.InvoiceSync.Outcome;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import dev.invoicebridge.settings.SyncSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Applies claimed events, the events of one invoice together: the invoice is re-read from the
 * provider once and synced, so no event's own payload, possibly stale, decides anything. That one
 * read covers every event of the group: it begins after the group was claimed, so after each of its
 * events was stored, and so after each change they announce. Events that a completed read of an
 * earlier batch already reflects need no read at all (see {@link ReadCoalescer}). Each applied
 * event is counted in {@code invoicebridge.webhook.events} by provider and outcome ({@code read}
 * for the event a read was made for, {@code covered} for the others, {@code ignored}, {@code
 * dropped}, {@code not_found}).
 */
@Component
class WebhookProcessor {
  /**
   * Attempts after which an invoice of ours that is still not mirrored is mirrored from the
   * provider (our create crashed after the provider call). Before that, our own create may still be
   * between the provider call and the mirror row. Invoices created elsewhere need no wait.
   */
  static final int ADOPT_AFTER_FAILURES = 3;

  /**
   * A failed group is due again after 1 s, doubling, at most this long apart; it never gives up.
   */
  static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(2);

  static final String EVENTS_METRIC = "invoicebridge.webhook.events";

  private final WebhookInbox inbox;
  private final InvoiceSync sync;
  private final ReadCoalescer reads;
  private final SyncSettings settings;
  private final MeterRegistry metrics;
  private final Clock clock;

  WebhookProcessor(WebhookInbox inbox, InvoiceSync sync, Collaborators more) {
    this.inbox = inbox;
    this.sync = sync;
    this.reads = more.reads();
    this.settings = more.settings();
    this.metrics = more.metrics();
    this.clock = more.clock();
  }

  /** The remaining collaborators, grouped to keep the constructor small. */
  @Component
  record Collaborators(
      ReadCoalescer reads, SyncSettings settings, MeterRegistry metrics, Clock clock) {}

  /**
   * Splits claimed events into what {@link #apply} takes: the events naming one invoice together,
   * every other event alone; in the order claimed.
   */
  static Collection<List<InboxEvent>> byInvoice(List<InboxEvent> claimed) {
    return claimed.stream()
        .collect(
            Collectors.groupingBy(
                e ->
                    invoiceEvent(e)
                        ? List.of(e.workspace().value(), e.provider().name(), e.objectId().get())
                        : List.of(e.provider().name(), e.eventId()),
                LinkedHashMap::new,
                Collectors.toList()))
        .values();
  }

  /**
   * Applies claimed events of one group (see {@link #byInvoice}) and marks them applied; returns
   * what happened, or records the failure (the events are due again later) and throws.
   */
  String apply(List<InboxEvent> group) {
    InboxEvent first = group.getFirst();
    if (!settings.syncEnabled(first.workspace())) {
      // Stored before sync was turned off: send-only writes nothing to Attio.
      return done(group, "dropped", "dropped " + first.type() + ": sync is off");
    }
    if (!invoiceEvent(first)) {
      return done(group, "ignored", "ignored " + first.type());
    }
    try {
      return read(group, new ProviderInvoiceId(first.objectId().get()));
    } catch (InvoicingFailure e) {
      if (e.kind() == InvoicingFailure.Kind.NOT_FOUND) {
        // Deleted (a draft) or never in this account: there is no state to apply.
        return done(group, "not_found", first.type() + ": invoice not found at the provider");
      }
      failed(group, e.getClass().getSimpleName() + " " + e.kind());
      throw e;
    } catch (RuntimeException e) {
      failed(group, e.getClass().getSimpleName());
      throw e;
    }
  }

  private String read(List<InboxEvent> group, ProviderInvoiceId invoice) {
    List<InboxEvent> uncovered = reads.uncovered(group, invoice);
    if (uncovered.isEmpty()) {
      // That read's sync wrote Attio before it was recorded, so Attio has the changes too.
      return done(group, "covered", group.getLast().type() + ": covered by a later read");
    }
    InboxEvent first = uncovered.getFirst();
    Instant readStarts = reads.readStarts();
    Outcome outcome =
        sync.sync(
            first.workspace(),
            first.provider(),
            invoice,
            failuresSoFar(group) >= ADOPT_AFTER_FAILURES);
    if (outcome == Outcome.NOT_MIRRORED) {
      throw new NotMirroredYet(invoice.value());
    }
    reads.readApplied(first, invoice, readStarts);
    inbox.processed(group);
    count(first, "read", 1);
    count(first, "covered", group.size() - 1);
    String events = group.size() == 1 ? first.type() : group.size() + " events";
    return events + ": " + outcome;
  }

  private String done(List<InboxEvent> group, String outcome, String message) {
    inbox.processed(group);
    count(group.getFirst(), outcome, group.size());
    return message;
  }

  private void failed(List<InboxEvent> group, String error) {
    inbox.failed(group, error, clock.instant().plus(retryDelay(failuresSoFar(group))));
  }

  /** The most failures among the group's events (claimed events are unprocessed: all failed). */
  private static int failuresSoFar(List<InboxEvent> group) {
    return group.stream().mapToInt(InboxEvent::attempts).max().orElse(0);
  }

  /** How long after its failure an event with {@code failuresSoFar} earlier failures is due. */
  static Duration retryDelay(int failuresSoFar) {
    Duration delay = Duration.ofSeconds(1L << Math.min(failuresSoFar, 7));
    return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
  }

  private void count(InboxEvent event, String outcome, int events) {
    if (events == 0) {
      return;
    }
    // The registry hands back the counter it already has for these tags.
    Counter.builder(EVENTS_METRIC)
        .description("Webhook events applied, by how")
        .tag("provider", event.provider().name().toLowerCase(Locale.ROOT))
        .tag("outcome", outcome)
        .register(metrics)
        .increment(events);
  }

  private static boolean invoiceEvent(InboxEvent event) {
    return event.type().startsWith("invoice.") && event.objectId().isPresent();
  }

  /** The invoice is not in the mirror yet; retried, then adopted. */
  static final class NotMirroredYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String invoice;

    NotMirroredYet(String invoiceId) {
      super("invoice " + invoiceId + " is not mirrored yet");
      this.invoice = invoiceId;
    }

    String invoice() {
      return invoice;
    }
  }
}
