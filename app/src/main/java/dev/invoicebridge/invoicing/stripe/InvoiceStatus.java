package dev.invoicebridge.invoicing.stripe;

import java.util.Locale;

/** Stripe's invoice states; paid and void are terminal. */
public enum InvoiceStatus {
  DRAFT,
  OPEN,
  PAID,
  UNCOLLECTIBLE,
  VOID;

  static InvoiceStatus of(String stripe) {
    return valueOf(stripe.toUpperCase(Locale.ROOT));
  }

  public boolean terminal() {
    return this == PAID || this == VOID;
  }
}
