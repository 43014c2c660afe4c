package dev.invoicebridge.attio;

import java.util.Objects;

/**
 * A record a task is linked to. On write {@code object} is a slug or id; Attio answers with the
 * object's id.
 */
public record LinkedRecord(String object, RecordId recordId) {
  public LinkedRecord {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(recordId, "recordId");
  }
}
