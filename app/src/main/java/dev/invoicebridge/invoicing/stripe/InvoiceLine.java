package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;
import java.util.Optional;

/** One line of an invoice: a catalog price, or a custom line with its own amount. */
public sealed interface InvoiceLine {
  long quantity();

  /** A catalog price times a quantity; the description defaults to the product's name. */
  record PriceLine(StripePriceId price, long quantity, Optional<String> description)
      implements InvoiceLine {
    public PriceLine {
      Objects.requireNonNull(price, "price");
      Objects.requireNonNull(description, "description");
      if (quantity < 1) {
        throw new IllegalArgumentException("quantity must be at least 1");
      }
    }
  }

  /**
   * A custom line: {@code unitAmount} in the currency's minor unit (cents), with its own
   * description, billed under the account's one shared custom-line product.
   */
  record CustomLine(String description, long unitAmount, long quantity) implements InvoiceLine {
    public CustomLine {
      Objects.requireNonNull(description, "description");
      if (description.isBlank() || description.length() > 500) {
        throw new IllegalArgumentException("description must be 1 to 500 characters");
      }
      if (unitAmount < 0) {
        throw new IllegalArgumentException("unitAmount must not be negative");
      }
      if (quantity < 1) {
        throw new IllegalArgumentException("quantity must be at least 1");
      }
    }
  }
}
