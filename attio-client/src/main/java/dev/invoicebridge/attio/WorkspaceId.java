package dev.invoicebridge.attio;

/** The workspace's id. */
public record WorkspaceId(String value) {
  public WorkspaceId {
    Ids.requireUuid(value, "workspace id");
  }

  @Override
  public String toString() {
    return value;
  }
}
