package dev.invoicebridge.attio;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** A webhook to register; Attio only delivers to https targets. */
public record NewWebhook(URI targetUrl, List<WebhookSubscription> subscriptions) {
  public NewWebhook {
    Objects.requireNonNull(targetUrl, "targetUrl");
    subscriptions = List.copyOf(subscriptions);
    if (subscriptions.isEmpty()) {
      throw new IllegalArgumentException("a webhook needs at least one subscription");
    }
  }
}
