package dev.invoicebridge.security;

import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/** An API token as stored: never the token itself, only its hash and a recognisable prefix. */
public record ApiToken(
    String id,
    WorkspaceId workspaceId,
    String name,
    String prefix,
    Role scope,
    String createdBy,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt) {

  public boolean active() {
    return revokedAt.isEmpty();
  }
}
