package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttioUpsertThroughputTest {
  @Test
  void a_small_run_upserts_every_record_once_and_no_429_reaches_the_caller() {
    AttioUpsertThroughput.Report report = AttioUpsertThroughput.run(12);
    assertThat(report.upserts()).isEqualTo(12);
    assertThat(report.distinctRecords()).isEqualTo(9);
    assertThat(report.rateLimitedAtCaller()).isZero();
    assertThat(report.client().writes()).isGreaterThanOrEqualTo(12);
    assertThat(report.render()).contains("fraction of 25 writes/s");
  }
}
