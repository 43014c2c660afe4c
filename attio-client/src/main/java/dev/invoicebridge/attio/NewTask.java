package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A task to create: plaintext content (at most 2000 characters), optional deadline, links. */
public record NewTask(
    String content,
    Instant deadlineAt,
    List<LinkedRecord> linkedRecords,
    List<WorkspaceMemberId> assignees) {
  public NewTask {
    Objects.requireNonNull(content, "content");
    if (content.length() > 2000) {
      throw new IllegalArgumentException("Attio task content is at most 2000 characters");
    }
    linkedRecords = linkedRecords == null ? List.of() : List.copyOf(linkedRecords);
    assignees = assignees == null ? List.of() : List.copyOf(assignees);
  }
}
