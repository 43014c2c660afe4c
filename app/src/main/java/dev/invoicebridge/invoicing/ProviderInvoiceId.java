package dev.invoicebridge.invoicing;

import java.util.Objects;
import java.util.regex.Pattern;

/** The provider's id of an invoice, such as Stripe's {@code in_...}. */
public record ProviderInvoiceId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  public ProviderInvoiceId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a provider invoice id");
    }
  }
}
