package dev.invoicebridge.sandbox.attio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AttioSandboxClockTest {
  @Test
  void timestamps_come_from_the_injected_clock_in_attios_nanosecond_format() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC);
    try (AttioHttpProbe attio = new AttioHttpProbe(clock)) {
      JsonNode record =
          attio.data(
              "POST",
              "/v2/objects/companies/records",
              "{\"data\":{\"values\":{\"name\":\"Acme\"}}}");
      assertThat(record.path("created_at").asString()).isEqualTo("2026-03-04T05:06:07.123456789Z");
      assertThat(record.path("values").path("name").get(0).path("active_from").asString())
          .isEqualTo("2026-03-04T05:06:07.123456789Z");
    }
  }

  @Test
  void retry_after_is_an_imf_fixdate_from_the_injected_clock() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.500Z"), ZoneOffset.UTC);
    try (AttioHttpProbe attio = new AttioHttpProbe(clock)) {
      attio.control().rateLimitNext(1);
      HttpResponse<String> limited = attio.send("GET", "/v2/objects", null);
      assertThat(limited.statusCode()).isEqualTo(429);
      // The second after next, with a two-digit day as HTTP dates require.
      assertThat(limited.headers().firstValue("Retry-After"))
          .contains("Wed, 04 Mar 2026 05:06:09 GMT");
    }
  }
}
