package dev.invoicebridge.invoicing;

import java.util.Objects;

/** An Attio record an invoice comes from: the object's slug and the record's id. */
public record RecordRef(String object, String recordId) {
  public RecordRef {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(recordId, "recordId");
  }
}
