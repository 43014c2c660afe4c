package dev.invoicebridge.quickbooks.webhook;

import dev.invoicebridge.quickbooks.RealmId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entity change QuickBooks announced, whichever payload format carried it. Events are signals:
 * re-read the entity; {@code occurredAt} orders them, arrival order does not.
 *
 * @param eventId CloudEvents id, or for legacy payloads a stable digest of the event's content, so
 *     a redelivery deduplicates either way
 * @param entity entity name as Intuit spells it ({@code Invoice}, {@code Customer})
 * @param deletedId on a merge, the id merged away; else null
 */
public record WebhookEvent(
    String eventId,
    RealmId realmId,
    String entity,
    String entityId,
    WebhookOperation operation,
    Instant occurredAt,
    String deletedId) {
  public WebhookEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(realmId, "realmId");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(operation, "operation");
    if (eventId.isBlank() || entity.isBlank() || entityId.isBlank()) {
      throw new IllegalArgumentException("An event needs an id, an entity and an entity id");
    }
  }
}
