package dev.invoicebridge.workspace;

import java.time.Instant;

/** A tenant of the service: one Attio workspace with its connections, settings and invoices. */
public record Workspace(WorkspaceId id, String slug, String name, Instant createdAt) {}
