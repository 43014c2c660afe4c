package dev.invoicebridge.security;

import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Instant;

/** A person who logs in to the web UI. */
public record UserAccount(
    String id, WorkspaceId workspaceId, String username, Role role, Instant createdAt) {}
