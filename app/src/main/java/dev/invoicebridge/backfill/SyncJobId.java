package dev.invoicebridge.backfill;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Our id of a sync job: a UUID in its canonical lower-case form, also the job's task instance. */
public record SyncJobId(String value) {
  public SyncJobId {
    if (value == null || !UUID.fromString(value).toString().equals(value)) {
      throw new IllegalArgumentException("a sync job id is a lower-case UUID");
    }
  }

  /** The id named by user input; empty when it cannot be one (so: no such job). */
  public static Optional<SyncJobId> parse(String value) {
    try {
      return Optional.of(new SyncJobId(value.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  static SyncJobId random() {
    return new SyncJobId(UUID.randomUUID().toString());
  }
}
