package dev.invoicebridge.quickbooks;

/** A QuickBooks company (realm) id, from the realmId of the OAuth redirect. */
public record RealmId(String value) {
  public RealmId {
    Ids.numeric(value, "RealmId");
  }

  @Override
  public String toString() {
    return value;
  }
}
