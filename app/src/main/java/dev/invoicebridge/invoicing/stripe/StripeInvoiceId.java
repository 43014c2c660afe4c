package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;

/** The id of a Stripe invoice ({@code in_...}). */
public record StripeInvoiceId(String value) {
  public StripeInvoiceId {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("in_") || value.length() <= 3 || value.length() > 255) {
      throw new IllegalArgumentException("Not a Stripe invoice id: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
