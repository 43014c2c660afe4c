package dev.invoicebridge.invoicing;

import java.util.UUID;

/** Our id of an invoice (a UUID), stable across providers and retries. */
public record InvoiceId(String value) {
  public InvoiceId {
    UUID.fromString(value);
  }

  public static InvoiceId random() {
    return new InvoiceId(UUID.randomUUID().toString());
  }
}
