package dev.invoicebridge.attio;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A webhook subscription; {@code status} is {@code active}, {@code degraded} or {@code inactive}.
 */
public record AttioWebhook(
    WebhookId id,
    URI targetUrl,
    List<WebhookSubscription> subscriptions,
    String status,
    Instant createdAt) {
  public AttioWebhook {
    Objects.requireNonNull(id, "id");
    subscriptions = List.copyOf(subscriptions);
  }
}
