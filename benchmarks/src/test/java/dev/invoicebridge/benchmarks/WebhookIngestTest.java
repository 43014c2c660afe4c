package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class WebhookIngestTest {
  @Test
  void a_short_run_stores_every_signed_event_once_and_applies_them_all() {
    WebhookIngest.Settings settings =
        new WebhookIngest.Settings(
            50, Duration.ofSeconds(1), Duration.ofSeconds(2), List.of("h2"), 3);

    WebhookIngest.Run run = WebhookIngest.run("h2", settings);

    assertThat(run.bare().ok()).isEqualTo(100);
    assertThat(run.ingestAlone().ok()).isEqualTo(100);
    assertThat(run.ingest().ok()).isEqualTo(100);
    assertThat(run.processing().stored()).isEqualTo(100);
    assertThat(run.processing().drainedAfterPhase()).isPresent();
    assertThat(IngestReport.render(settings, List.of(run)))
        .contains("verify+store+ack", "bare 200 endpoint", "p99 ms", "processing jobs: ON");
  }
}
