package dev.invoicebridge.connection;

import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.WorkspaceId;
import java.net.URI;

/**
 * Everything needed to call one connection's API: where, with which credential, for which id, and
 * for which workspace (a probe may prefer a credential the workspace holds elsewhere, such as
 * QuickBooks OAuth tokens).
 */
public record ConnectionTarget(
    ConnectionKind kind,
    URI baseUrl,
    Secret credential,
    String externalId,
    WorkspaceId workspaceId) {}
