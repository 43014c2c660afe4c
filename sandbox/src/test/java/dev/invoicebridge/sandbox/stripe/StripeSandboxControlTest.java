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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeSandboxControlTest {
  private static final String KEY = "sk_test_control";
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  private StripeSandbox sandbox;
  private SandboxServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() {
    sandbox = new StripeSandbox(() -> KEY, "acct_1Control", Clock.fixed(NOW, ZoneOffset.UTC));
    server = SandboxServer.start(0, Map.of("stripe", new StripeSandboxServlet(sandbox)));
  }

  @AfterEach
  void stop() {
    server.close();
    http.close();
  }

  @Test
  void control_marks_an_open_invoice_paid_and_records_a_failed_payment_first() throws Exception {
    String invoice = openInvoice();

    assertThat(post("/_control/invoices/" + invoice + "/payment_failed", "").statusCode())
        .isEqualTo(200);
    assertThat(post("/_control/invoices/" + invoice + "/mark_paid", "").statusCode())
        .isEqualTo(200);

    String body = get("/v1/invoices/" + invoice).body();
    assertThat(body)
        .contains(
            "\"status\":\"paid\"", "\"attempt_count\":1", "\"paid_at\":" + NOW.getEpochSecond());
    assertThat(get("/v1/events?type=invoice.payment_failed").body()).contains(invoice);
    assertThat(get("/v1/events?types[]=invoice.paid&types[]=invoice.finalized").body())
        .contains("invoice.paid", "invoice.finalized");
  }

  @Test
  void the_rate_limit_answers_429_in_the_same_second_of_the_clock() throws Exception {
    post("/_control/rate_limit", "per_second=2");

    assertThat(get("/v1/customers").statusCode()).isEqualTo(200);
    assertThat(get("/v1/customers").statusCode()).isEqualTo(200);
    HttpResponse<String> limited = get("/v1/customers");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("\"code\":\"rate_limit\"");
    // Writes have their own budget.
    assertThat(post("/v1/customers", "email=w%40x.example").statusCode()).isEqualTo(200);
  }

  @Test
  void injected_faults_hit_the_next_calls_only_and_calls_are_counted() throws Exception {
    post("/_control/faults", "kind=server_error&count=1");
    long before = sandbox.apiCalls();

    assertThat(get("/v1/customers").statusCode()).isEqualTo(500);
    assertThat(get("/v1/customers").statusCode()).isEqualTo(200);
    assertThat(sandbox.apiCalls() - before).isEqualTo(2);
  }

  @Test
  void invalid_transitions_answer_400_and_drafts_cannot_be_sent() throws Exception {
    String customer = id(post("/v1/customers", "email=t%40x.example").body());
    String draft =
        id(
            post(
                    "/v1/invoices",
                    "customer=" + customer + "&collection_method=send_invoice&days_until_due=3")
                .body());

    HttpResponse<String> send = post("/v1/invoices/" + draft + "/send", "");
    HttpResponse<String> voided = post("/v1/invoices/" + draft + "/void", "");

    assertThat(send.statusCode()).isEqualTo(400);
    assertThat(voided.statusCode()).isEqualTo(400);
    // Invalid transitions: 400 invalid_request_error without a code (reference sheet, section 14).
    assertThat(voided.body())
        .contains("\"type\":\"invalid_request_error\"")
        .doesNotContain("\"code\"");
  }

  @Test
  void control_endpoints_need_the_secret_key() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.baseUri("stripe") + "/_control/stats"))
                .header("Authorization", "Bearer sk_test_other")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(401);
  }

  private String openInvoice() throws Exception {
    String customer = id(post("/v1/customers", "email=o%40x.example").body());
    String invoice =
        id(
            post(
                    "/v1/invoices",
                    "customer=" + customer + "&collection_method=send_invoice&days_until_due=3")
                .body());
    post("/v1/invoiceitems", "invoice=" + invoice + "&amount=1200&currency=usd&description=Work");
    assertThat(post("/v1/invoices/" + invoice + "/finalize", "").body())
        .contains("\"status\":\"open\"");
    return invoice;
  }

  private static String id(String json) {
    return json.replaceFirst("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUri("stripe") + path))
            .header("Authorization", "Bearer " + KEY)
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
