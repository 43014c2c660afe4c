package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.attio.AttioCounters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of the benchmark harness. The target itself (0.95 of 25 writes/s over 2,000 upserts)
 * is measured by running the benchmark, not here.
 */
class AttioUpsertThroughputTest {
  @Test
  void a_run_longer_than_the_sandboxs_burst_is_paced_and_no_429_reaches_the_caller() {
    // The sandbox starts with a full second of writes (25) in its bucket; 80 upserts need more
    // than three seconds, so the client's pacing, not the burst, has to carry them.
    AttioUpsertThroughput.Report report = AttioUpsertThroughput.run(80);

    assertThat(report.upserts()).isEqualTo(80);
    assertThat(report.succeeded()).isEqualTo(80);
    assertThat(report.distinctRecords()).isEqualTo(60);
    assertThat(report.rateLimitedAtCaller()).isZero();
    assertThat(report.client().writes()).isGreaterThanOrEqualTo(80);
    assertThat(report.fractionOfLimit()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.render()).contains("fraction of 25 writes/s").contains("80 succeeded");
  }

  @Test
  void only_upserts_that_succeeded_count_as_writes() {
    AttioUpsertThroughput.Report half =
        new AttioUpsertThroughput.Report(
            100,
            50,
            50,
            Duration.ofSeconds(4),
            50,
            new AttioCounters.Snapshot(0, 100, 50, 0, 50, Duration.ZERO));

    assertThat(half.writesPerSecond()).isEqualTo(12.5);
    assertThat(half.fractionOfLimit()).isEqualTo(0.5);
    assertThat(half.render()).contains("MISSED");
  }
}
