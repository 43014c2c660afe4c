package dev.invoicebridge.invoicing.stripe;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A draft invoice to create, sent to the customer for payment ({@code send_invoice}).
 *
 * @param reference our unique id for this invoice (the idempotency key derives from it, so the same
 *     reference never makes two invoices)
 * @param dueDate the day payment is due (UTC)
 * @param currency ISO code, such as {@code usd}
 * @param memo the invoice's description, shown to the customer, if any
 * @param link the Attio record and workspace the invoice belongs to, kept in metadata
 */
public record NewInvoice(
    String reference,
    StripeCustomerId customer,
    LocalDate dueDate,
    String currency,
    Optional<String> memo,
    CrmLink link) {
  public NewInvoice {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(memo, "memo");
    Objects.requireNonNull(link, "link");
    if (reference.isBlank() || reference.length() > 200) {
      throw new IllegalArgumentException("reference must be 1 to 200 characters");
    }
    if (currency == null || !currency.matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException("currency must be a three-letter ISO code");
    }
    currency = currency.toLowerCase(Locale.ROOT);
  }

  /** Where an invoice comes from in Attio. */
  public record CrmLink(String workspaceId, String attioObject, String attioRecordId) {
    public CrmLink {
      Objects.requireNonNull(workspaceId, "workspaceId");
      Objects.requireNonNull(attioObject, "attioObject");
      Objects.requireNonNull(attioRecordId, "attioRecordId");
    }
  }
}
