package dev.invoicebridge.workspace;

import java.util.UUID;

/** Identifier of a workspace. */
public record WorkspaceId(String value) {
  public WorkspaceId {
    if (value == null || value.isBlank() || value.length() > 36) {
      throw new IllegalArgumentException("workspace id must be 1-36 characters");
    }
  }

  static WorkspaceId random() {
    return new WorkspaceId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
