package dev.invoicebridge.attio;

import java.util.Objects;

/** A status of a status attribute (such as a deal's stage). */
public record AttioStatus(StatusId id, String title, boolean archived) {
  public AttioStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }
}
