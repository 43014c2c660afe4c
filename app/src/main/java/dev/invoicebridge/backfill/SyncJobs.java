package dev.invoicebridge.backfill;

import dev.invoicebridge.backfill.SyncJob.Checkpoint;
import dev.invoicebridge.backfill.SyncJob.Counts;
import dev.invoicebridge.backfill.SyncJob.Progress;
import dev.invoicebridge.backfill.SyncJob.Times;
import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sync_job table: plain SQL. A job is active (queued or running) with its workspace and kind in
 * the unique {@code active_key}, so a workspace never has two of a kind at once; finished jobs are
 * never changed again.
 */
@Repository
public class SyncJobs {
  private static final int MAX_ERROR = 500;
  private static final String COLUMNS =
      "id, workspace_id, kind, status, window_until, cursor_invoice_id, cursor_created,"
          + " oldest_created, processed, written, unchanged, skipped, failed, total_estimate,"
          + " rate_per_second, attempts, created_at, started_at, updated_at, finished_at,"
          + " last_error";
  private static final String ACTIVE = " and status in ('QUEUED', 'RUNNING')";

  private final JdbcClient jdbc;
  private final Clock clock;

  SyncJobs(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What a run saves after each batch: where it is, the counts, and the progress figures. */
  record Step(
      Checkpoint checkpoint, Counts counts, long totalEstimate, Optional<Double> perSecond) {}

  /** Creates a queued job; false when the workspace already has an active one of its kind. */
  boolean create(SyncJob job) {
    Timestamp now = Timestamp.from(job.times().created());
    try {
      jdbc.sql(
              "insert into sync_job (id, workspace_id, kind, status, active_key, window_until,"
                  + " processed, written, unchanged, skipped, failed, attempts, created_at,"
                  + " updated_at) values (?, ?, ?, 'QUEUED', ?, ?, 0, 0, 0, 0, 0, 0, ?, ?)")
          .params(
              job.id().value(),
              job.workspace().value(),
              job.kind(),
              activeKey(job.workspace(), job.kind()),
              Timestamp.from(job.windowUntil()),
              now,
              now)
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public Optional<SyncJob> get(WorkspaceId workspace, SyncJobId id) {
    return jdbc.sql("select " + COLUMNS + " from sync_job where workspace_id = ? and id = ?")
        .params(workspace.value(), id.value())
        .query(SyncJobs::map)
        .optional();
  }

  /** The queued or running job of this kind in the workspace. */
  public Optional<SyncJob> active(WorkspaceId workspace, String kind) {
    return jdbc.sql("select " + COLUMNS + " from sync_job where active_key = ?")
        .param(activeKey(workspace, kind))
        .query(SyncJobs::map)
        .optional();
  }

  /** The workspace's jobs, newest first. */
  public List<SyncJob> recent(WorkspaceId workspace, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from sync_job where workspace_id = ? order by created_at desc, id limit ?")
        .params(workspace.value(), limit)
        .query(SyncJobs::map)
        .list();
  }

  /** A run begins (the first, or one after a crash, a shutdown or a failure). */
  void started(SyncJobId id) {
    Timestamp now = now();
    jdbc.sql(
            "update sync_job set status = 'RUNNING', attempts = attempts + 1,"
                + " started_at = coalesce(started_at, ?), updated_at = ? where id = ?"
                + ACTIVE)
        .params(now, now, id.value())
        .update();
  }

  void oldestFound(SyncJobId id, Instant oldest) {
    jdbc.sql("update sync_job set oldest_created = ?, updated_at = ? where id = ?" + ACTIVE)
        .params(Timestamp.from(oldest), now(), id.value())
        .update();
  }

  /** Saves a checkpoint with its counts; {@code error} names the latest invoice that failed. */
  void checkpoint(SyncJobId id, Step step, Optional<String> error) {
    Counts c = step.counts();
    jdbc.sql(
            "update sync_job set cursor_invoice_id = ?, cursor_created = ?, processed = ?,"
                + " written = ?, unchanged = ?, skipped = ?, failed = ?, total_estimate = ?,"
                + " rate_per_second = ?, last_error = coalesce(?, last_error), updated_at = ?"
                + " where id = ?"
                + ACTIVE)
        .params(
            step.checkpoint().invoiceId(),
            Timestamp.from(step.checkpoint().created()),
            c.processed(),
            c.written(),
            c.unchanged(),
            c.skipped(),
            c.failed(),
            step.totalEstimate(),
            step.perSecond().orElse(null),
            error.map(SyncJobs::truncate).orElse(null),
            now(),
            id.value())
        .update();
  }

  /** Every invoice of the window is applied: the estimate becomes the count. */
  void succeeded(SyncJobId id) {
    Timestamp now = now();
    jdbc.sql(
            "update sync_job set status = 'SUCCEEDED', active_key = null,"
                + " total_estimate = processed, rate_per_second = null, finished_at = ?,"
                + " updated_at = ? where id = ?"
                + ACTIVE)
        .params(now, now, id.value())
        .update();
  }

  /** Back in the queue: paused for a shutdown, or waiting to retry after {@code error}. */
  void queued(SyncJobId id, Optional<String> error) {
    jdbc.sql(
            "update sync_job set status = 'QUEUED', rate_per_second = null,"
                + " last_error = coalesce(?, last_error), updated_at = ? where id = ?"
                + ACTIVE)
        .params(error.map(SyncJobs::truncate).orElse(null), now(), id.value())
        .update();
  }

  /** Given up for good; the counts stay as far as the job got. */
  void failed(SyncJobId id, String error) {
    Timestamp now = now();
    jdbc.sql(
            "update sync_job set status = 'FAILED', active_key = null, rate_per_second = null,"
                + " last_error = ?, finished_at = ?, updated_at = ? where id = ?"
                + ACTIVE)
        .params(truncate(error), now, now, id.value())
        .update();
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static String activeKey(WorkspaceId workspace, String kind) {
    return workspace.value() + "|" + kind;
  }

  private static String truncate(String message) {
    return message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR);
  }

  private static SyncJob map(ResultSet rs, int row) throws SQLException {
    String cursor = rs.getString("cursor_invoice_id");
    long estimate = rs.getLong("total_estimate");
    boolean noEstimate = rs.wasNull();
    double rate = rs.getDouble("rate_per_second");
    boolean noRate = rs.wasNull();
    return new SyncJob(
        new SyncJobId(rs.getString("id")),
        new WorkspaceId(rs.getString("workspace_id")),
        rs.getString("kind"),
        JobStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("window_until").toInstant(),
        cursor == null
            ? Optional.empty()
            : Optional.of(new Checkpoint(cursor, rs.getTimestamp("cursor_created").toInstant())),
        instant(rs, "oldest_created"),
        new Counts(
            rs.getLong("processed"),
            rs.getLong("written"),
            rs.getLong("unchanged"),
            rs.getLong("skipped"),
            rs.getLong("failed")),
        new Progress(
            noEstimate ? Optional.empty() : Optional.of(estimate),
            noRate ? Optional.empty() : Optional.of(rate),
            rs.getInt("attempts")),
        new Times(
            rs.getTimestamp("created_at").toInstant(),
            instant(rs, "started_at"),
            rs.getTimestamp("updated_at").toInstant(),
            instant(rs, "finished_at")),
        Optional.ofNullable(rs.getString("last_error")));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
  }
}
