package dev.invoicebridge.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.backfill.SyncJob.Checkpoint;
import dev.invoicebridge.backfill.SyncJob.Counts;
import dev.invoicebridge.backfill.SyncJob.Progress;
import dev.invoicebridge.backfill.SyncJob.Times;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sync_job table on H2 and on real PostgreSQL. */
class SyncJobsTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_workspace_has_one_active_backfill_and_may_start_another_once_it_finished(
      TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspaces workspaces = new Workspaces(jdbc, clock);
    WorkspaceId mine = workspaces.ensureDefault("Mine").id();
    WorkspaceId other = workspaces.create("other", "Other").id();
    SyncJobs jobs = new SyncJobs(jdbc, clock);
    SyncJob first = job(mine);

    assertThat(jobs.create(first)).isTrue();
    assertThat(jobs.create(job(mine))).isFalse();
    assertThat(jobs.create(job(other))).isTrue();
    assertThat(jobs.active(mine, Backfills.STRIPE_BACKFILL)).map(SyncJob::id).hasValue(first.id());

    jobs.succeeded(first.id());
    assertThat(jobs.active(mine, Backfills.STRIPE_BACKFILL)).isEmpty();
    assertThat(jobs.create(job(mine))).isTrue();
    assertThat(jobs.recent(mine, 10)).hasSize(2);
    assertThat(jobs.get(other, first.id())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void checkpoints_keep_counts_and_progress_and_a_finished_job_never_changes_again(
      TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    WorkspaceId mine = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    SyncJobs jobs = new SyncJobs(jdbc, clock);
    SyncJob job = job(mine);
    jobs.create(job);
    Instant created = Instant.parse("2026-10-30T12:00:00Z");

    jobs.started(job.id());
    jobs.oldestFound(job.id(), Instant.parse("2025-01-01T00:00:00Z"));
    clock.advance(Duration.ofSeconds(4));
    jobs.checkpoint(
        job.id(),
        new SyncJobs.Step(
            new Checkpoint("in_40", created), new Counts(40, 30, 8, 1, 1), 400, Optional.of(9.5)),
        Optional.of("Invoice in_7 was refused (value_not_found)."));

    SyncJob read = jobs.get(mine, job.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(read.checkpoint()).hasValue(new Checkpoint("in_40", created));
    assertThat(read.counts()).isEqualTo(new Counts(40, 30, 8, 1, 1));
    assertThat(read.progress()).isEqualTo(new Progress(Optional.of(400L), Optional.of(9.5), 1));
    assertThat(read.lastError()).hasValue("Invoice in_7 was refused (value_not_found).");
    assertThat(read.oldestCreated()).hasValue(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(read.times().started()).hasValue(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(read.eta())
        .hasValueSatisfying(eta -> assertThat(eta.toMillis()).isBetween(37_800L, 38_000L));

    // Paused for a shutdown, then picked up again: the checkpoint stays, the rate starts over.
    jobs.queued(job.id(), Optional.empty());
    jobs.started(job.id());
    SyncJob resumed = jobs.get(mine, job.id()).orElseThrow();
    assertThat(resumed.checkpoint()).isEqualTo(read.checkpoint());
    assertThat(resumed.counts()).isEqualTo(read.counts());
    assertThat(resumed.progress()).isEqualTo(new Progress(Optional.of(400L), Optional.empty(), 2));

    jobs.failed(job.id(), "Stripe rejected the API key; an admin should reconnect Stripe.");
    jobs.succeeded(job.id());
    jobs.started(job.id());
    SyncJob failed = jobs.get(mine, job.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.times().finished()).isPresent();
    assertThat(failed.progress().perSecond()).isEmpty();
    assertThat(failed.progress().attempts()).isEqualTo(2);
  }

  private SyncJob job(WorkspaceId workspace) {
    Instant now = clock.instant();
    return new SyncJob(
        SyncJobId.random(),
        workspace,
        Backfills.STRIPE_BACKFILL,
        JobStatus.QUEUED,
        now,
        Optional.empty(),
        Optional.empty(),
        Counts.ZERO,
        new Progress(Optional.empty(), Optional.empty(), 0),
        new Times(now, Optional.empty(), now, Optional.empty()),
        Optional.empty());
  }
}
