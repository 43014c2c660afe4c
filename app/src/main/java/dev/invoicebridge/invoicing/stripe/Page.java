package dev.invoicebridge.invoicing.stripe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a Stripe list, newest first.
 *
 * @param nextCursor pass it back to get the following page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
