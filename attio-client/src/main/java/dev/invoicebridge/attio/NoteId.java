package dev.invoicebridge.attio;

/** A note's id. */
public record NoteId(String value) {
  public NoteId {
    Ids.requireUuid(value, "note id");
  }

  @Override
  public String toString() {
    return value;
  }
}
