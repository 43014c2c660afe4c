package dev.invoicebridge.quickbooks;

/** A QuickBooks Invoice Id. */
public record InvoiceId(String value) {
  public InvoiceId {
    Ids.numeric(value, "InvoiceId");
  }

  @Override
  public String toString() {
    return value;
  }
}
