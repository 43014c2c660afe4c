package dev.invoicebridge.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated request to create an invoice from an Attio record.
 *
 * @param recipient the person to bill, required when the record has several people
 * @param currency lower-case ISO code
 */
public record CreateInvoice(
    Provider provider,
    RecordRef record,
    Optional<String> recipient,
    List<Line> lines,
    String currency,
    LocalDate dueDate,
    Action action) {
  public CreateInvoice {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(action, "action");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an invoice needs at least one line");
    }
  }
}
