package dev.invoicebridge.attio;

import java.util.Objects;

/** A member of the workspace; its id is the actor id used for task assignees and owners. */
public record WorkspaceMember(
    WorkspaceMemberId id,
    String firstName,
    String lastName,
    String emailAddress,
    String accessLevel) {
  public WorkspaceMember {
    Objects.requireNonNull(id, "id");
  }
}
