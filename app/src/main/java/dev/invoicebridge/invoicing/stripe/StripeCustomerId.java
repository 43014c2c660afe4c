package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;

/** The id of a Stripe customer ({@code cus_...}). */
public record StripeCustomerId(String value) {
  public StripeCustomerId {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("cus_") || value.length() <= 4 || value.length() > 255) {
      throw new IllegalArgumentException("Not a Stripe customer id: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
