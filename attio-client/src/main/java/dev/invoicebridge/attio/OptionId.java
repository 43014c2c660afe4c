package dev.invoicebridge.attio;

/** A select option's id. */
public record OptionId(String value) {
  public OptionId {
    Ids.requireUuid(value, "select option id");
  }

  @Override
  public String toString() {
    return value;
  }
}
