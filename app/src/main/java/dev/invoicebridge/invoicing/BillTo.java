package dev.invoicebridge.invoicing;

import java.util.Objects;

/**
 * Who is billed: the recipient person's email (it identifies the customer), name and Attio record.
 */
public record BillTo(String email, String name, String personRecordId) {
  public BillTo {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(personRecordId, "personRecordId");
  }
}
