package dev.invoicebridge.quickbooks.webhook;

import java.util.List;

/**
 * What one webhook delivery carried: the events understood, and those skipped because this client
 * does not know them (a new operation or CloudEvents verb, a malformed entry). A skipped event must
 * not cost the delivery its other events; it is reported so the caller can log or count it.
 */
public record WebhookBatch(List<WebhookEvent> events, List<Skipped> skipped) {
  public WebhookBatch {
    events = List.copyOf(events);
    skipped = List.copyOf(skipped);
  }

  /**
   * An event left out.
   *
   * @param reason why, in our words
   * @param event the event's JSON as delivered
   */
  public record Skipped(String reason, String event) {}
}
