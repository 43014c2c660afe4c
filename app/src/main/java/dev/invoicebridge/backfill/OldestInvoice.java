package dev.invoicebridge.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the account's oldest invoice was created, for the total estimate. A list cannot be read
 * oldest first, so this is a binary search with one-invoice pages ("the newest invoice created
 * before t"): about twenty small calls, found to within half a percent of the span.
 */
final class OldestInvoice {
  /** No Stripe invoice is older: Stripe launched in 2011. */
  static final Instant FLOOR = Instant.parse("2011-01-01T00:00:00Z");

  private OldestInvoice() {}

  /** The creation time of the newest invoice created before the given instant, if any. */
  @FunctionalInterface
  interface Probe {
    Optional<Instant> newestBefore(Instant before);
  }

  /**
   * @param known the creation time of an invoice known to exist
   * @param until the end of the backfill's window
   */
  static Instant find(Probe probe, Instant known, Instant until) {
    Instant lo = FLOOR;
    Instant hi = known.plusSeconds(1);
    if (!lo.isBefore(hi)) {
      return known;
    }
    Duration precision =
        Duration.ofSeconds(Math.max(60, Duration.between(known, until).toSeconds() / 200));
    // Invariant: no invoice was created before lo; at least one was created before hi.
    while (Duration.between(lo, hi).compareTo(precision) > 0) {
      Instant mid = lo.plus(Duration.between(lo, hi).dividedBy(2));
      Optional<Instant> found = probe.newestBefore(mid);
      if (found.isPresent()) {
        hi = found.get().plusSeconds(1);
      } else {
        lo = mid;
      }
    }
    return lo;
  }
}
