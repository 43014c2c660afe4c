package dev.invoicebridge.invoicing;

import java.util.Objects;

/** The provider's id of a customer, such as Stripe's {@code cus_...}. */
public record ProviderCustomerId(String value) {
  public ProviderCustomerId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("blank customer id");
    }
  }
}
