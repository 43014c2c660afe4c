package dev.invoicebridge.invoicing;

import java.util.Objects;

/** A person an invoice may be addressed to, as the recipient picker shows them. */
public record RecipientChoice(String recordId, String name, String email) {
  public RecipientChoice {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(name, "name");
  }
}
