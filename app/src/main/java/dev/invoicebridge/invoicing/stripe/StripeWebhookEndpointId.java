package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;

/** The id of a Stripe webhook endpoint ({@code we_...}). */
public record StripeWebhookEndpointId(String value) {
  public StripeWebhookEndpointId {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("we_") || value.length() <= 3 || value.length() > 255) {
      throw new IllegalArgumentException("Not a Stripe webhook endpoint id: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
