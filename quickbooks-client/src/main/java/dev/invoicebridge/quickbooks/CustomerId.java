package dev.invoicebridge.quickbooks;

/** A QuickBooks Customer Id. */
public record CustomerId(String value) {
  public CustomerId {
    Ids.numeric(value, "CustomerId");
  }

  @Override
  public String toString() {
    return value;
  }
}
