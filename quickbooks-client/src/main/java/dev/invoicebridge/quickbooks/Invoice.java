package dev.invoicebridge.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A QuickBooks invoice. QuickBooks has no status field; {@link #voided()} and {@link #paid()}
 * derive it as Intuit documents.
 *
 * @param emailStatus NotSet, NeedToSend or EmailSent
 * @param lastUpdated MetaData.LastUpdatedTime
 */
public record Invoice(
    InvoiceId id,
    String syncToken,
    String docNumber,
    CustomerId customerId,
    InvoiceAmounts amounts,
    InvoiceDetails details,
    List<InvoiceLine> lines,
    OffsetDateTime lastUpdated) {
  public Invoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(amounts, "amounts");
    Objects.requireNonNull(details, "details");
    lines = List.copyOf(lines);
  }

  /**
   * Money on the invoice.
   *
   * @param currency CurrencyRef.value
   */
  public record InvoiceAmounts(String currency, BigDecimal totalAmt, BigDecimal balance) {}

  /** What the invoice says besides money. */
  public record InvoiceDetails(
      LocalDate txnDate,
      LocalDate dueDate,
      String billEmail,
      String customerMemo,
      String privateNote,
      String emailStatus) {}

  /** Voided: QuickBooks zeroes the amounts and prepends "Voided" to the private note. */
  public boolean voided() {
    return amounts.totalAmt().signum() == 0
        && amounts.balance().signum() == 0
        && details.privateNote() != null
        && details.privateNote().startsWith("Voided");
  }

  /** Paid: something was owed and nothing is left. */
  public boolean paid() {
    return amounts.totalAmt().signum() > 0 && amounts.balance().signum() == 0;
  }
}
