package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SyncLatencyTest {
  @Test
  void every_payment_reaches_attio_and_is_timed_from_stripe_to_the_attio_webhook() {
    SyncLatency.Settings settings = new SyncLatency.Settings(3, 2);

    SyncReport.Result result = SyncLatency.run(settings);

    assertThat(result.samples()).hasSize(3);
    assertThat(result.samples())
        .allSatisfy(
            s -> {
              assertThat(s.total()).isPositive();
              assertThat(s.toInbox().plus(s.inboxToApplied()).plus(s.appliedToWebhook()))
                  .isEqualTo(s.total());
            });
    assertThat(SyncReport.render(settings, result)).contains("3/3", "p99 ms");
  }
}
