package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored webhook event: what it is about, whether it has been applied, and its attempts so far
 * (while unprocessed, its failed ones).
 */
record InboxEvent(
    Provider provider,
    String eventId,
    WorkspaceId workspace,
    String type,
    Optional<String> objectId,
    Instant receivedAt,
    Optional<Instant> processedAt,
    int attempts) {
  InboxEvent {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(processedAt, "processedAt");
  }
}
