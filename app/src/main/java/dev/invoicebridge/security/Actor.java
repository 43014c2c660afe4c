package dev.invoicebridge.security;

import dev.invoicebridge.workspace.WorkspaceId;

/** Who is calling: a logged-in user or an API token, always inside one workspace. */
public record Actor(WorkspaceId workspaceId, String name, Role role) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
