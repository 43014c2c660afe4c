package dev.invoicebridge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.support.TestProperties;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What job_run keeps of each kind of job, on H2 and PostgreSQL. */
class JobRunsTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_run_of_a_recorded_job_is_kept_with_its_outcome(TestDatabases.Kind kind) {
    JobRuns runs = runs(kind);

    runs.record("connection-check", "recurring", clock.instant(), () -> "checked 3");
    assertThatThrownBy(
            () ->
                runs.record(
                    "connection-check",
                    "recurring",
                    clock.instant(),
                    () -> {
                      throw new IllegalStateException("down");
                    }))
        .hasMessage("down");

    assertThat(runs.recent("connection-check", 10))
        .extracting(JobRuns.Run::outcome, JobRuns.Run::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("succeeded", "checked 3"),
            org.assertj.core.groups.Tuple.tuple("failed", "IllegalStateException"));
  }

  private JobRuns runs(TestDatabases.Kind kind) {
    return new JobRuns(
        JdbcClient.create(TestDatabases.migrated(kind)), clock, TestProperties.defaults(dataDir));
  }
}
