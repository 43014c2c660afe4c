package dev.invoicebridge.api;

import dev.invoicebridge.backfill.SyncJob;
import java.time.Duration;
import java.time.Instant;

/**
 * A sync job as the API shows it: its state and live progress. {@code total_estimate} is an
 * estimate while the job runs (Stripe's lists carry no count) and exact once it succeeded; {@code
 * rate_per_second} is measured over the last half minute; {@code eta_seconds} is the time left at
 * that rate.
 */
record JobView(
    String id,
    String kind,
    String status,
    long processed,
    Long totalEstimate,
    Double percent,
    Double ratePerSecond,
    Long etaSeconds,
    long written,
    long unchanged,
    long skipped,
    long failed,
    Instant windowUntil,
    String cursor,
    int attempts,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    String lastError) {

  static JobView of(SyncJob job) {
    SyncJob.Counts c = job.counts();
    return new JobView(
        job.id().value(),
        job.kind(),
        job.status().slug(),
        c.processed(),
        job.progress().totalEstimate().orElse(null),
        job.fractionDone().map(f -> Math.round(f * 1000) / 10.0).orElse(null),
        job.progress().perSecond().map(r -> Math.round(r * 100) / 100.0).orElse(null),
        job.eta().map(JobView::wholeSecondsUp).orElse(null),
        c.written(),
        c.unchanged(),
        c.skipped(),
        c.failed(),
        job.windowUntil(),
        job.checkpoint().map(SyncJob.Checkpoint::invoiceId).orElse(null),
        job.progress().attempts(),
        job.times().created(),
        job.times().started().orElse(null),
        job.times().updated(),
        job.times().finished().orElse(null),
        job.lastError().orElse(null));
  }

  private static long wholeSecondsUp(Duration d) {
    return (d.toMillis() + 999) / 1000;
  }
}
