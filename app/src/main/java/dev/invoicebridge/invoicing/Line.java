package dev.invoicebridge.invoicing;

import java.util.Objects;

/** One invoice line as requested: a catalog price, or a custom line with its own unit amount. */
public sealed interface Line {
  long MAX_QUANTITY = 1_000_000;

  long quantity();

  /** A catalog price times a quantity. */
  record CatalogLine(String priceId, long quantity) implements Line {
    public CatalogLine {
      Objects.requireNonNull(priceId, "priceId");
      if (quantity < 1 || quantity > MAX_QUANTITY) {
        throw new IllegalArgumentException("quantity out of range");
      }
    }
  }

  /** A line typed inline; {@code unitAmount} is in the currency's minor unit. */
  record CustomLine(String description, long unitAmount, long quantity) implements Line {
    public CustomLine {
      Objects.requireNonNull(description, "description");
      if (unitAmount < 0 || quantity < 1 || quantity > MAX_QUANTITY) {
        throw new IllegalArgumentException("amount or quantity out of range");
      }
    }
  }
}
