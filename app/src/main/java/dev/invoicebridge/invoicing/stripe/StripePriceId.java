package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;

/** The id of a Stripe price ({@code price_...}). */
public record StripePriceId(String value) {
  public StripePriceId {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("price_") || value.length() <= 6 || value.length() > 255) {
      throw new IllegalArgumentException("Not a Stripe price id: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
