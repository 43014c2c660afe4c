package dev.invoicebridge.invoicing;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A webhook endpoint as the provider has it now.
 *
 * @param status the provider's word, such as {@code enabled} or {@code disabled}
 * @param enabledEvents the event types it delivers ({@code *} for all)
 */
public record WebhookEndpointState(String id, URI url, String status, List<String> enabledEvents) {
  public WebhookEndpointState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(status, "status");
    enabledEvents = List.copyOf(enabledEvents);
  }
}
