package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoiceMirror;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Spares an event its re-read when a read that began after the event arrived has already been
 * applied.
 *
 * <p>Why that is safe: the provider changed the invoice, then emitted the event, then delivered it,
 * and we stored it at {@code received_at}; so the change happened before {@code received_at}. A
 * read that began later was answered with the invoice as it was at some moment after that, which
 * includes the change (a retrieve by id is strongly consistent at Stripe). Applying a read is
 * monotonic: the mirror ends at that state or a newer one. So the event has nothing left to add and
 * can be marked applied without calling the provider. The read's start is recorded only once its
 * sync completed, Attio write included; the two instants may come from the clocks of different
 * instances, so a read counts only if it began {@link #CLOCK_TOLERANCE} after the event arrived.
 *
 * <p>Attio needs no write either. That read's sync wrote the mirror's state, at least as new as
 * what it read, to Attio before the read was recorded. A newer state the mirror may have taken
 * since, from a sync whose Attio write then failed, came from a later change; that change has an
 * event of its own, which is marked applied only after a read begun after it, its own or another,
 * has written Attio in the same way. So when an event is marked applied, Attio has its change.
 *
 * <p>Within one drained batch no clock is needed: the batch's read of an invoice begins after the
 * batch was claimed, so after every event in it was stored, and covers them all (see {@link
 * WebhookProcessor}). This rule spares the events of later batches a read of their own.
 */
@Component
class ReadCoalescer {
  /** How far apart the clocks of two instances may be; NTP keeps them far closer. */
  static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);

  private final InvoiceMirror mirror;
  private final Clock clock;

  ReadCoalescer(InvoiceMirror mirror, Clock clock) {
    this.mirror = mirror;
    this.clock = clock;
  }

  /** The rule: a read begun at {@code readStartedAt} reflects an event received at that time. */
  static boolean covers(Instant readStartedAt, Instant eventReceivedAt) {
    return readStartedAt.isAfter(eventReceivedAt.plus(CLOCK_TOLERANCE));
  }

  /** The events of one invoice that no completed read reflects yet, in the mirror and in Attio. */
  List<InboxEvent> uncovered(List<InboxEvent> events, ProviderInvoiceId invoice) {
    InboxEvent first = events.getFirst();
    Optional<Instant> lastRead =
        mirror
            .lastRead(first.workspace(), first.provider(), invoice)
            .map(InvoiceMirror.LastRead::startedAt);
    return events.stream()
        .filter(e -> lastRead.filter(r -> covers(r, e.receivedAt())).isEmpty())
        .toList();
  }

  /** Taken just before a read is sent. */
  Instant readStarts() {
    return clock.instant();
  }

  /** The sync of a read begun at {@code startedAt} completed: the mirror and Attio have it. */
  void readApplied(InboxEvent event, ProviderInvoiceId invoice, Instant startedAt) {
    mirror.readApplied(event.workspace(), event.provider(), invoice, startedAt);
  }
}
