package dev.invoicebridge.backfill;

import java.util.Locale;

/**
 * Where a sync job is: waiting for an instance (at first, after a pause for a shutdown, or before a
 * retry), running on one, or finished either way.
 */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED;
  }

  /** The lower-case word the API and the page use. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
