package dev.invoicebridge.attio;

/** A status's id (the options of a status attribute). */
public record StatusId(String value) {
  public StatusId {
    Ids.requireUuid(value, "status id");
  }

  @Override
  public String toString() {
    return value;
  }
}
