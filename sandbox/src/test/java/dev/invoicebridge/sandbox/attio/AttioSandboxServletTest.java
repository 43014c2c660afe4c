package dev.invoicebridge.sandbox.attio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The emulator over raw HTTP: auth, demo data, rate limiting and the control endpoint. */
class AttioSandboxServletTest {
  private static final String TOKEN = "attio-sandbox-servlet-test";
  private static SandboxServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    AttioSandboxServlet attio =
        new AttioSandboxServlet(() -> TOKEN, AttioWorkspace.demo(), Clock.systemUTC());
    server = SandboxServer.start(0, Map.of("attio", attio));
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    http.close();
    server.close();
  }

  private static HttpResponse<String> send(String method, String path, String body, String auth)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUri("attio") + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return send(method, path, body, "Bearer " + TOKEN);
  }

  private static JsonNode json(HttpResponse<String> r) {
    return JsonMapper.builder().build().readTree(r.body());
  }

  @Test
  void a_call_without_the_token_gets_attios_auth_error() throws Exception {
    HttpResponse<String> r = send("GET", "/v2/objects", null, null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(json(r).path("type").asString()).isEqualTo("auth_error");
  }

  @Test
  void basic_auth_with_the_token_as_user_name_is_accepted() throws Exception {
    String basic =
        Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));
    assertThat(send("GET", "/v2/self", null, "Basic " + basic).statusCode()).isEqualTo(200);
  }

  @Test
  void sandbox_mode_starts_with_a_demo_workspace_whose_teams_match_their_people() throws Exception {
    JsonNode people = json(send("POST", "/v2/objects/people/records/query", "{}")).path("data");
    JsonNode companies =
        json(send("POST", "/v2/objects/companies/records/query", "{}")).path("data");
    JsonNode deals = json(send("POST", "/v2/objects/deals/records/query", "{}")).path("data");
    assertThat(people.size()).isEqualTo(30);
    assertThat(companies.size()).isEqualTo(10);
    assertThat(deals.size()).isEqualTo(8);
    int teamMembers = 0;
    for (JsonNode c : companies) {
      teamMembers += c.path("values").path("team").size();
    }
    assertThat(teamMembers).isEqualTo(30);
    assertThat(people.get(0).path("values").path("company").get(0).path("target_object").asString())
        .isEqualTo("companies");
  }

  @Test
  void injected_faults_answer_the_next_calls_then_stop() throws Exception {
    assertThat(
            send(
                    "POST",
                    "/_control/faults",
                    "{\"kind\":\"server_error\",\"count\":2,\"status\":503}")
                .statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/v2/objects", null).statusCode()).isEqualTo(503);
    assertThat(send("GET", "/v2/objects", null).statusCode()).isEqualTo(503);
    assertThat(send("GET", "/v2/objects", null).statusCode()).isEqualTo(200);
  }

  @Test
  void the_control_endpoint_needs_the_token_too() throws Exception {
    assertThat(send("POST", "/_control/reset", "{}", "Bearer wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void over_the_rate_limit_attio_answers_429_with_an_http_date_to_retry_after() throws Exception {
    send("PUT", "/_control/rate_limits", "{\"reads_per_second\":2,\"writes_per_second\":2}");
    try {
      HttpResponse<String> last = null;
      for (int i = 0; i < 4; i++) {
        last = send("GET", "/v2/objects", null);
      }
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(json(last).path("code").asString()).isEqualTo("rate_limit_exceeded");
      Instant retryAt =
          ZonedDateTime.parse(
                  last.headers().firstValue("Retry-After").orElseThrow(),
                  DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      assertThat(retryAt).isAfter(Instant.now().minusSeconds(1));
    } finally {
      send("PUT", "/_control/rate_limits", "{\"reads_per_second\":100,\"writes_per_second\":25}");
    }
  }

  @Test
  void an_unknown_route_is_not_found_in_attios_shape() throws Exception {
    HttpResponse<String> r = send("GET", "/v2/nothing", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).path("code").asString()).isEqualTo("not_found");
  }
}
