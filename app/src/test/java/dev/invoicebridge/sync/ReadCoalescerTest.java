package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a completed read spares an event its own re-read. */
class ReadCoalescerTest {
  static final Instant RECEIVED = Instant.parse("2026-11-01T10:00:00Z");

  @ParameterizedTest(name = "read began {0} ms after the event arrived: covered = {1}")
  @CsvSource({"60000, true", "1001, true", "1000, false", "400, false", "0, false", "-5000, false"})
  void a_read_covers_an_event_only_when_it_began_clearly_after_the_event_arrived(
      long readAfterMillis, boolean covered) {
    Instant readStarted = RECEIVED.plusMillis(readAfterMillis);

    assertThat(ReadCoalescer.covers(readStarted, RECEIVED)).isEqualTo(covered);
  }
}
