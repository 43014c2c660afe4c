package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SyncLatencyTest {
  @Test
  void every_payment_reaches_attio_and_is_timed_from_stripe_to_the_attio_webhook() {
    SyncLatency.Settings settings = new SyncLatency.Settings(3, 2, List.of("immediate"));

    SyncReport.ModeResult result = SyncLatency.run("immediate", settings);

    assertThat(result.samples()).hasSize(3);
    assertThat(result.samples())
        .allSatisfy(
            s -> {
              assertThat(s.total()).isPositive();
              assertThat(s.toInbox().plus(s.inboxToJob()).plus(s.jobToAttio()))
                  .isEqualTo(s.total());
            });
    assertThat(SyncReport.render(settings, List.of(result)))
        .contains("immediate execution (default)", "p99 ms");
  }
}
