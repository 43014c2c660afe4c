package dev.invoicebridge.attio;

/** A workspace member's id; also the actor id of assignees. */
public record WorkspaceMemberId(String value) {
  public WorkspaceMemberId {
    Ids.requireUuid(value, "workspace member id");
  }

  @Override
  public String toString() {
    return value;
  }
}
