package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A task as Attio returns it; linked records name their object by id. */
public record AttioTask(
    TaskId id,
    String contentPlaintext,
    Instant deadlineAt,
    boolean completed,
    List<LinkedRecord> linkedRecords,
    List<WorkspaceMemberId> assignees,
    Instant createdAt) {
  public AttioTask {
    Objects.requireNonNull(id, "id");
    linkedRecords = List.copyOf(linkedRecords);
    assignees = List.copyOf(assignees);
  }
}
