package dev.invoicebridge.quickbooks;

/** A QuickBooks Item Id. */
public record ItemId(String value) {
  public ItemId {
    Ids.numeric(value, "ItemId");
  }

  @Override
  public String toString() {
    return value;
  }
}
