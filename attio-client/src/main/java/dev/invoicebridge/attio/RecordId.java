package dev.invoicebridge.attio;

/** A record's id (the {@code record_id} component); unique together with its object. */
public record RecordId(String value) {
  public RecordId {
    Ids.requireUuid(value, "record id");
  }

  @Override
  public String toString() {
    return value;
  }
}
