package dev.invoicebridge.invoicing.stripe;

import java.time.Instant;
import java.util.Objects;

/** Objects created in {@code [from, until)}, the unit a backfill walks through. */
public record CreatedWindow(Instant from, Instant until) {
  public CreatedWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException("from must be before until");
    }
  }
}
