package dev.invoicebridge.invoicing.stripe;

import java.util.Map;
import java.util.Objects;

/** A Stripe customer as we use it. */
public record StripeCustomer(
    StripeCustomerId id, String email, String name, Map<String, String> metadata) {
  public StripeCustomer {
    Objects.requireNonNull(id, "id");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
