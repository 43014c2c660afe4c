package dev.invoicebridge.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many invoices a backfill will see. Stripe's lists carry no count, and a counting pass would
 * download every invoice twice, so the total is extrapolated: the run pages from {@code until} back
 * in time, and once it has reached invoices created at {@code reached} it has seen {@code
 * processed} of them in {@code [reached, until)}; at the same density the whole span back to the
 * oldest invoice holds {@code processed * (until - oldest) / (until - reached)}. The estimate is
 * refined after every batch and becomes the exact count on the last page. Volumes that grow over
 * time make early estimates high; they fall as the run moves back.
 */
final class TotalEstimate {
  private TotalEstimate() {}

  /**
   * @param more whether the list has more invoices after the ones processed
   * @param oldest when the oldest invoice was created; empty while unknown (one page so far)
   */
  static long of(long processed, boolean more, Span span, Optional<Instant> oldest) {
    if (!more) {
      return processed;
    }
    long atLeast = processed + 1;
    if (oldest.isEmpty() || processed == 0) {
      return atLeast;
    }
    double covered = Math.max(1, Duration.between(span.reached(), span.until()).toSeconds());
    double whole = Math.max(covered, Duration.between(oldest.get(), span.until()).toSeconds());
    return Math.max(atLeast, Math.round(processed * whole / covered));
  }

  /**
   * The part of the window the run has walked through: from {@code until} back to {@code reached}.
   */
  record Span(Instant until, Instant reached) {}
}
