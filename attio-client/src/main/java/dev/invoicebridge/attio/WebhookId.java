package dev.invoicebridge.attio;

/** A webhook subscription's id. */
public record WebhookId(String value) {
  public WebhookId {
    Ids.requireUuid(value, "webhook id");
  }

  @Override
  public String toString() {
    return value;
  }
}
