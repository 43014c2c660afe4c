package dev.invoicebridge.connection;

/** The external services a workspace connects to. */
public enum ConnectionKind {
  ATTIO("attio", "Attio"),
  STRIPE("stripe", "Stripe"),
  QUICKBOOKS("quickbooks", "QuickBooks Online");

  private final String slug;
  private final String displayName;

  ConnectionKind(String slug, String displayName) {
    this.slug = slug;
    this.displayName = displayName;
  }

  /** Lower-case name used in URLs, health components and JSON. */
  public String slug() {
    return slug;
  }

  public String displayName() {
    return displayName;
  }

  /** Name of the vault slot that holds this connection's credential. */
  public String credentialSecretName() {
    return slug + ".credential";
  }
}
