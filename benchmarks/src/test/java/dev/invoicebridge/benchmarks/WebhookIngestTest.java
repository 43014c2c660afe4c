package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class WebhookIngestTest {
  @Test
  void a_short_run_against_the_service_in_its_own_process_stores_and_applies_every_event() {
    WebhookIngest.Settings settings =
        new WebhookIngest.Settings(
            50, Duration.ofSeconds(1), Duration.ofSeconds(2), List.of("h2"), 3);

    WebhookIngest.Run run = WebhookIngest.run("h2", settings);

    assertThat(run.bare().requests().ok()).isEqualTo(100);
    assertThat(run.ingestAlone().requests().ok()).isEqualTo(100);
    assertThat(run.ingest().requests().ok()).isEqualTo(100);
    assertThat(run.processing().stored()).isEqualTo(100);
    assertThat(run.processing().drainedAfterPhase()).isPresent();
    // The service ran in its own process, and did the work there.
    assertThat(run.ingest().service().cpu()).isPositive();
    assertThat(run.processing().stripeCalls() + run.processing().coveredByLaterRead()).isPositive();
    assertThat(IngestReport.render(settings, 0.5, List.of(run)))
        .contains("verify+store+ack", "bare 200 endpoint", "p99 ms", "inbox drain: ON");
  }
}
