package dev.invoicebridge.attio;

/** An attribute's id (the {@code attribute_id} component). */
public record AttributeId(String value) {
  public AttributeId {
    Ids.requireUuid(value, "attribute id");
  }

  @Override
  public String toString() {
    return value;
  }
}
