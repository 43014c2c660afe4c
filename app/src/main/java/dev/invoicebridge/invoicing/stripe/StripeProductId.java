package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;

/** The id of a Stripe product ({@code prod_...}). */
public record StripeProductId(String value) {
  public StripeProductId {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("prod_") || value.length() <= 5 || value.length() > 255) {
      throw new IllegalArgumentException("Not a Stripe product id: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
