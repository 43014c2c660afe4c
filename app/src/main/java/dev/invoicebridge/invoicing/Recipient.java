package dev.invoicebridge.invoicing;

import java.util.Objects;
import java.util.Optional;

/**
 * The person an invoice is addressed to, and the records it is also linked to.
 *
 * @param companyRecordId the company the invoice is linked to: the source company, the deal's
 *     company, or the person's own company
 * @param dealRecordId the source deal, if the invoice comes from one
 */
public record Recipient(
    String personRecordId,
    String email,
    String name,
    Optional<String> companyRecordId,
    Optional<String> dealRecordId) {
  public Recipient {
    Objects.requireNonNull(personRecordId, "personRecordId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(companyRecordId, "companyRecordId");
    Objects.requireNonNull(dealRecordId, "dealRecordId");
  }

  public BillTo billTo() {
    return new BillTo(email, name, personRecordId);
  }
}
