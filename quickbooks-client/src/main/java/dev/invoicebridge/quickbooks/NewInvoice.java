package dev.invoicebridge.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An invoice to create.
 *
 * @param billEmail where QuickBooks sends it, or null
 * @param currency ISO 4217 code, or null for the home currency
 * @param exchangeRate home-currency units per unit of {@code currency}; required when {@code
 *     currency} is not the home currency (QuickBooks would otherwise fall back to 1), else null
 * @param dueDate null lets QuickBooks apply the customer's terms
 * @param customerMemo printed on the invoice, or null
 * @param docNumber our number (only when custom transaction numbers are on), or null
 * @param privateNote internal note, or null
 */
public record NewInvoice(
    CustomerId customerId,
    List<InvoiceLine> lines,
    String billEmail,
    String currency,
    LocalDate dueDate,
    String customerMemo,
    String docNumber,
    String privateNote,
    BigDecimal exchangeRate) {
  public NewInvoice {
    Objects.requireNonNull(customerId, "customerId");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("An invoice needs at least one line");
    }
    if (docNumber != null && docNumber.length() > 21) {
      throw new IllegalArgumentException("docNumber has at most 21 characters");
    }
    if (exchangeRate != null && exchangeRate.signum() <= 0) {
      throw new IllegalArgumentException("exchangeRate must be positive");
    }
  }

  /** An invoice in the home currency, or in {@code currency} without a rate yet. */
  public NewInvoice(
      CustomerId customerId,
      List<InvoiceLine> lines,
      String billEmail,
      String currency,
      LocalDate dueDate,
      String customerMemo,
      String docNumber,
      String privateNote) {
    this(
        customerId,
        lines,
        billEmail,
        currency,
        dueDate,
        customerMemo,
        docNumber,
        privateNote,
        null);
  }

  public NewInvoice withDocNumber(String number) {
    return new NewInvoice(
        customerId,
        lines,
        billEmail,
        currency,
        dueDate,
        customerMemo,
        number,
        privateNote,
        exchangeRate);
  }

  /** The same invoice in {@code code} at {@code rate} home units per unit. */
  public NewInvoice inCurrency(String code, BigDecimal rate) {
    return new NewInvoice(
        customerId, lines, billEmail, code, dueDate, customerMemo, docNumber, privateNote, rate);
  }
}
