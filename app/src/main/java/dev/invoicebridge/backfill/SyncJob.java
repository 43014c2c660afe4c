package dev.invoicebridge.backfill;

import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One sync job as last saved: what it covers, how far it got, and how fast it goes.
 *
 * @param windowUntil invoices created from this instant on are not its business (webhooks bring
 *     them); fixed when the job is created
 * @param checkpoint the last invoice applied and saved: a restarted run continues after it
 * @param oldestCreated when the account's oldest invoice was created (to an hour or so), found once
 *     per job for the total estimate
 */
public record SyncJob(
    SyncJobId id,
    WorkspaceId workspace,
    String kind,
    JobStatus status,
    Instant windowUntil,
    Optional<Checkpoint> checkpoint,
    Optional<Instant> oldestCreated,
    Counts counts,
    Progress progress,
    Times times,
    Optional<String> lastError) {
  public SyncJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(oldestCreated, "oldestCreated");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** The last invoice applied: its id (the list cursor) and when it was created. */
  public record Checkpoint(String invoiceId, Instant created) {
    public Checkpoint {
      Objects.requireNonNull(invoiceId, "invoiceId");
      Objects.requireNonNull(created, "created");
    }
  }

  /**
   * What happened to the invoices looked at: {@code processed} is the sum of the others.
   *
   * @param written Attio records created or updated
   * @param unchanged invoices Attio already had as they are: nothing written
   * @param skipped invoices of ours created moments before, still being written by their create
   * @param failed invoices Attio refused, named in the last error
   */
  public record Counts(long processed, long written, long unchanged, long skipped, long failed) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    public Counts plus(Counts more) {
      return new Counts(
          processed + more.processed,
          written + more.written,
          unchanged + more.unchanged,
          skipped + more.skipped,
          failed + more.failed);
    }
  }

  /**
   * @param totalEstimate invoices in the window, estimated (exact once finished); empty until the
   *     first page is in
   * @param perSecond invoices per second over the last half minute of the current run
   * @param attempts runs started so far (a crash, a shutdown or a retry starts another)
   */
  public record Progress(Optional<Long> totalEstimate, Optional<Double> perSecond, int attempts) {
    public Progress {
      Objects.requireNonNull(totalEstimate, "totalEstimate");
      Objects.requireNonNull(perSecond, "perSecond");
    }
  }

  /** When the job was created, first started, last saved and finished. */
  public record Times(
      Instant created, Optional<Instant> started, Instant updated, Optional<Instant> finished) {}

  /** Time left at the current rate, while the job runs. */
  public Optional<Duration> eta() {
    if (status != JobStatus.RUNNING || progress.totalEstimate().isEmpty()) {
      return Optional.empty();
    }
    long left = Math.max(0, progress.totalEstimate().get() - counts.processed());
    return progress
        .perSecond()
        .filter(r -> r > 0)
        .map(r -> Duration.ofMillis(Math.round(left / r * 1000)));
  }

  /** Share done, 0 to 1, once there is an estimate. */
  public Optional<Double> fractionDone() {
    if (status == JobStatus.SUCCEEDED) {
      return Optional.of(1.0);
    }
    return progress
        .totalEstimate()
        .filter(t -> t > 0)
        .map(t -> Math.min(1.0, (double) counts.processed() / t));
  }
}
