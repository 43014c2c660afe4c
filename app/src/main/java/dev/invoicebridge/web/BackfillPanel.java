package dev.invoicebridge.web;

import dev.invoicebridge.backfill.SyncJob;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings page's backfill panel, rendered by the template and polled as JSON by {@code
 * backfill.js}: the state, the bar's value, and one line of text saying where the job is.
 *
 * @param percent 0 to 100 for the bar; null while there is no estimate (an indeterminate bar)
 */
record BackfillPanel(
    String jobId,
    String state,
    boolean active,
    long processed,
    Long totalEstimate,
    Double percent,
    String summary,
    String lastError) {

  static BackfillPanel of(Optional<SyncJob> latest) {
    if (latest.isEmpty()) {
      return new BackfillPanel(
          null, "none", false, 0, null, null, "No backfill has run yet.", null);
    }
    SyncJob job = latest.get();
    return new BackfillPanel(
        job.id().value(),
        job.status().slug(),
        !job.status().finished(),
        job.counts().processed(),
        job.progress().totalEstimate().orElse(null),
        job.fractionDone().map(f -> Math.floor(f * 1000) / 10).orElse(null),
        summary(job),
        job.lastError().orElse(null));
  }

  private static String summary(SyncJob job) {
    SyncJob.Counts c = job.counts();
    return switch (job.status()) {
      case QUEUED ->
          c.processed() == 0
              ? "Queued: starts on the next free instance."
              : "Queued after " + n(c.processed()) + " invoices: continues where it stopped.";
      case RUNNING -> running(job);
      case SUCCEEDED ->
          "Done: "
              + n(c.processed())
              + " invoices, "
              + n(c.written())
              + " written to Attio, "
              + n(c.unchanged())
              + " already up to date"
              + (c.skipped() > 0 ? ", " + n(c.skipped()) + " still being created" : "")
              + (c.failed() > 0 ? ", " + n(c.failed()) + " refused by Attio" : "")
              + ".";
      case FAILED -> "Failed after " + n(c.processed()) + " invoices.";
    };
  }

  private static String running(SyncJob job) {
    StringBuilder text = new StringBuilder("Running: ").append(n(job.counts().processed()));
    job.progress().totalEstimate().ifPresent(t -> text.append(" of about ").append(n(t)));
    text.append(" invoices");
    job.progress()
        .perSecond()
        .ifPresent(r -> text.append(String.format(Locale.ROOT, " · %.1f invoices/s", r)));
    job.eta().ifPresent(eta -> text.append(" · about ").append(duration(eta)).append(" left"));
    return text.append('.').toString();
  }

  private static String n(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 90) {
      return seconds + " s";
    }
    if (seconds < 90 * 60) {
      return Math.round(seconds / 60.0) + " min";
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
  }
}
