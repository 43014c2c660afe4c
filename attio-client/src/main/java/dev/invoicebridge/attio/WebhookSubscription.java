package dev.invoicebridge.attio;

import java.util.Map;
import java.util.Objects;

/**
 * One event type a webhook receives, with an optional filter in Attio's webhook-filter form ({@code
 * {"$and":[{"field":"id.object_id","operator":"equals","value":"..."}]}}); null passes all.
 */
public record WebhookSubscription(String eventType, Map<String, Object> filter) {
  public WebhookSubscription {
    Objects.requireNonNull(eventType, "eventType");
    filter = filter == null ? null : Map.copyOf(filter);
  }

  public static WebhookSubscription all(String eventType) {
    return new WebhookSubscription(eventType, null);
  }
}
