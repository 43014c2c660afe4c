package dev.invoicebridge.sandbox.attio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AttioSandboxClockTest {
  @Test
  void timestamps_come_from_the_injected_clock_in_attios_nanosecond_format() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC);
    AttioSandboxServlet attio =
        new AttioSandboxServlet(
            () -> "t", AttioSandboxSettings.empty(AttioWorkspace.demo(), clock));
    try (SandboxServer server = SandboxServer.start(0, Map.of("attio", attio));
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(server.baseUri("attio") + "/v2/objects/companies/records"))
                  .header("Authorization", "Bearer t")
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"data\":{\"values\":{\"name\":\"Acme\"}}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode record = JsonMapper.builder().build().readTree(created.body()).path("data");
      assertThat(record.path("created_at").asString()).isEqualTo("2026-03-04T05:06:07.123456789Z");
      assertThat(record.path("values").path("name").get(0).path("active_from").asString())
          .isEqualTo("2026-03-04T05:06:07.123456789Z");
    }
  }

  @Test
  void retry_after_is_an_imf_fixdate_from_the_injected_clock() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.500Z"), ZoneOffset.UTC);
    AttioSandboxServlet attio =
        new AttioSandboxServlet(
            () -> "t", AttioSandboxSettings.empty(AttioWorkspace.demo(), clock));
    attio.control().rateLimitNext(1);
    try (SandboxServer server = SandboxServer.start(0, Map.of("attio", attio));
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> limited =
          http.send(
              HttpRequest.newBuilder(URI.create(server.baseUri("attio") + "/v2/objects"))
                  .header("Authorization", "Bearer t")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(limited.statusCode()).isEqualTo(429);
      // The second after next, with a two-digit day as HTTP dates require.
      assertThat(limited.headers().firstValue("Retry-After"))
          .contains("Wed, 04 Mar 2026 05:06:09 GMT");
    }
  }
}
