package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.Objects;

/** A note as Attio returns it. */
public record AttioNote(
    NoteId id,
    String parentObject,
    RecordId parentRecordId,
    String title,
    String contentPlaintext,
    Instant createdAt) {
  public AttioNote {
    Objects.requireNonNull(id, "id");
  }
}
