package dev.invoicebridge.attio;

/** An Attio object's id (the {@code object_id} component). */
public record ObjectId(String value) {
  public ObjectId {
    Ids.requireUuid(value, "object id");
  }

  @Override
  public String toString() {
    return value;
  }
}
