package dev.invoicebridge.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An invoice to create in the provider.
 *
 * @param reference our unique reference; the provider's idempotency key derives from it, so the
 *     same reference never makes two invoices
 * @param source the Attio record the invoice comes from, kept in the provider's metadata
 */
public record DraftInvoice(
    String reference,
    ProviderCustomerId customer,
    LocalDate dueDate,
    String currency,
    List<Line> lines,
    Source source) {
  public DraftInvoice {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(source, "source");
    lines = List.copyOf(lines);
  }

  /** Where an invoice comes from: the workspace and the Attio record. */
  public record Source(String workspaceId, String object, String recordId) {
    public Source {
      Objects.requireNonNull(workspaceId, "workspaceId");
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(recordId, "recordId");
    }
  }
}
