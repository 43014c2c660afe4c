package dev.invoicebridge.attio;

import java.util.Objects;

/** A note to attach to a record; {@code markdown} picks Attio's markdown format over plaintext. */
public record NewNote(
    String parentObject, RecordId parentRecordId, String title, String content, boolean markdown) {
  public NewNote {
    Objects.requireNonNull(parentObject, "parentObject");
    Objects.requireNonNull(parentRecordId, "parentRecordId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(content, "content");
  }

  public static NewNote plaintext(
      String parentObject, RecordId parentRecordId, String title, String content) {
    return new NewNote(parentObject, parentRecordId, title, content, false);
  }
}
