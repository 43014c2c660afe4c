package dev.invoicebridge.invoicing;

import java.util.List;

/**
 * A request to create an invoice as sent (the API's JSON body or the web form), before validation
 * (dates stay strings so that a malformed one gets a field-level message).
 */
public record InvoiceBody(
    String provider,
    RecordBody record,
    String recipientRecordId,
    List<LineBody> lines,
    String currency,
    String dueDate,
    Integer daysUntilDue,
    String action) {

  /** The Attio record the invoice comes from. */
  public record RecordBody(String object, String recordId) {}

  /** One line: {@code price_id} and quantity, or description, unit amount and quantity. */
  public record LineBody(String priceId, String description, Long unitAmount, Long quantity) {}
}
