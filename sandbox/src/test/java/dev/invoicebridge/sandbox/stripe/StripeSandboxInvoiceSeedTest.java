package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StripeSandboxInvoiceSeedTest {
  private static final String KEY = "sk_test_seed";
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StripeSandbox sandbox;
  private SandboxServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() {
    sandbox = new StripeSandbox(() -> KEY, "acct_1Seed", Clock.fixed(NOW, ZoneOffset.UTC));
    sandbox.rateLimitPerSecond(0);
    server = SandboxServer.start(0, Map.of("stripe", new StripeSandboxServlet(sandbox)));
  }

  @AfterEach
  void stop() {
    server.close();
    http.close();
  }

  @Test
  void seeded_invoices_page_newest_first_in_the_cycled_states_without_any_event() throws Exception {
    HttpResponse<String> seeded =
        post("/_control/invoices/seed", "email=ada%40example.com&name=Ada&count=250");

    assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    List<JsonNode> all = listAll();
    assertThat(all).hasSize(250);
    assertThat(all)
        .extracting(i -> i.path("created").asLong())
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(all.getFirst().path("created").asLong()).isEqualTo(NOW.getEpochSecond() - 3600);
    assertThat(all.getLast().path("created").asLong()).isEqualTo(NOW.getEpochSecond() - 250 * 3600);
    assertThat(all)
        .extracting(i -> i.path("status").asString())
        .containsOnly("draft", "open", "paid", "void", "uncollectible");
    assertThat(all.stream().filter(i -> i.path("status").asString().equals("paid")))
        .hasSize(50)
        .allSatisfy(
            i -> {
              assertThat(i.path("amount_paid").asLong()).isEqualTo(10_000);
              assertThat(i.path("amount_remaining").asLong()).isZero();
              assertThat(i.path("customer_email").asString()).isEqualTo("ada@example.com");
              assertThat(i.path("number").asString()).isNotEmpty();
            });
    assertThat(all.stream().filter(i -> i.path("status").asString().equals("draft")))
        .allSatisfy(i -> assertThat(i.path("hosted_invoice_url").isNull()).isTrue());
    assertThat(json(get("/v1/events?limit=100")).path("data")).isEmpty();
  }

  @Test
  void a_second_seed_for_the_same_email_reuses_its_customer() throws Exception {
    JsonNode first = json(post("/_control/invoices/seed", "email=bo%40example.com&count=2"));
    JsonNode second =
        json(
            post(
                "/_control/invoices/seed",
                "email=bo%40example.com&count=3&statuses[]=paid&interval_seconds=60"));

    assertThat(second.path("customer").asString()).isEqualTo(first.path("customer").asString());
    assertThat(second.path("invoices")).hasSize(3);
    assertThat(json(get("/v1/customers?email=bo%40example.com")).path("data")).hasSize(1);
    assertThat(json(get("/v1/invoices?status=paid&limit=100")).path("data").valueStream().count())
        .isEqualTo(3);
  }

  @Test
  void a_count_out_of_range_is_refused_naming_the_parameter() throws Exception {
    HttpResponse<String> refused = post("/_control/invoices/seed", "email=x%40y.z&count=0");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).path("error").path("param").asString()).isEqualTo("count");
    assertThat(json(get("/v1/invoices")).path("data")).isEmpty();
  }

  private List<JsonNode> listAll() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String after = "";
    while (true) {
      JsonNode page = json(get("/v1/invoices?limit=100" + after));
      page.path("data").forEach(all::add);
      if (!page.path("has_more").asBoolean()) {
        return all;
      }
      after = "&starting_after=" + all.getLast().path("id").asString();
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUri("stripe") + path))
            .header("Authorization", "Bearer " + KEY)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUri("stripe") + path))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
