package dev.invoicebridge.attio;

/** A task's id. */
public record TaskId(String value) {
  public TaskId {
    Ids.requireUuid(value, "task id");
  }

  @Override
  public String toString() {
    return value;
  }
}
