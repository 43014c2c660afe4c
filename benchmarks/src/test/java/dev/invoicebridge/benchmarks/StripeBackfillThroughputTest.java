package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripeBackfillThroughputTest {
  @Test
  void a_small_backfill_writes_each_invoice_once_and_an_unchanged_rerun_writes_nothing() {
    StripeBackfillThroughput.Report report = StripeBackfillThroughput.run(30);

    assertThat(report.first().status()).isEqualTo("succeeded");
    assertThat(report.first().processed()).isEqualTo(30);
    assertThat(report.first().totalEstimate()).isEqualTo(30);
    assertThat(report.first().attioWrites()).isEqualTo(30);
    assertThat(report.first().failedWrites()).isZero();
    assertThat(report.rerun().status()).isEqualTo("succeeded");
    assertThat(report.rerun().processed()).isEqualTo(30);
    assertThat(report.rerun().attioWrites()).isZero();
    assertThat(report.render()).contains("fraction of 25 writes/s", "Unchanged re-run");
  }
}
