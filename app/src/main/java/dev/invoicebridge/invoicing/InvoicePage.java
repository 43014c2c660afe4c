package dev.invoicebridge.invoicing;

import java.util.List;

/**
 * One page of a provider's invoice list, newest first.
 *
 * @param hasMore whether older invoices follow; ask for them after the last one of this page
 */
public record InvoicePage(List<ProviderInvoice> invoices, boolean hasMore) {
  public InvoicePage {
    invoices = List.copyOf(invoices);
  }
}
