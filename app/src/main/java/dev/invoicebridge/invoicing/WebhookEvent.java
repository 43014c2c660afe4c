package dev.invoicebridge.invoicing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A verified provider webhook event: what happened to which object. */
public record WebhookEvent(String id, String type, Instant created, Optional<String> objectId) {
  public WebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(objectId, "objectId");
  }
}
