package dev.invoicebridge.api;

import java.util.List;

/**
 * The body of {@code POST /api/v1/invoices} as sent, before validation (dates stay strings so that
 * a malformed one gets a field-level message).
 */
record InvoiceBody(
    String provider,
    RecordBody record,
    String recipientRecordId,
    List<LineBody> lines,
    String currency,
    String dueDate,
    Integer daysUntilDue,
    String action) {

  /** The Attio record the invoice comes from. */
  record RecordBody(String object, String recordId) {}

  /** One line: {@code price_id} and quantity, or description, unit amount and quantity. */
  record LineBody(String priceId, String description, Long unitAmount, Long quantity) {}
}
