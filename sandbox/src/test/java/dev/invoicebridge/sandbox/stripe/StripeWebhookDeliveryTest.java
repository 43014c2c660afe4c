package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.sandbox.MovableClock;
import dev.invoicebridge.sandbox.SandboxServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's webhook delivery over real HTTP to loopback endpoints: held batches, shuffled
 * order, a share of duplicates, per-endpoint concurrency and retries.
 */
class StripeWebhookDeliveryTest {
  private static final String KEY = "sk_test_delivery";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

  private final MovableClock clock = new MovableClock(START);
  private final List<AutoCloseable> open = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private StripeSandbox sandbox;
  private SandboxServer server;

  @BeforeEach
  void start() {
    sandbox = new StripeSandbox(() -> KEY, "acct_1Delivery", clock);
    // These tests create many objects quickly; the test-mode limit is not what they are about.
    sandbox.rateLimitPerSecond(0);
    server = SandboxServer.start(0, Map.of("stripe", new StripeSandboxServlet(sandbox)));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    for (AutoCloseable c : open) {
      c.close();
    }
    http.close();
  }

  @Test
  void held_events_wait_for_the_release_then_arrive_once_each_in_a_shuffled_order()
      throws Exception {
    WebhookReceiver receiver = receiver(WebhookReceiver.ok());
    subscribe(receiver);
    post("/_control/webhooks", "hold=true&shuffled=true&seed=7");
    List<String> created = createCustomers(30);

    assertThat(sandbox.webhookBacklog().held()).isEqualTo(30);
    assertThat(sandbox.webhookAttempts()).isEmpty();
    HttpResponse<String> release = post("/_control/webhooks/release", "");

    assertThat(release.body()).contains("\"released\":30", "\"seed\":7");
    assertThat(receiver.await(30)).isTrue();
    assertThat(receiver.eventIds()).containsExactlyInAnyOrderElementsOf(created);
    assertThat(receiver.eventIds()).isNotEqualTo(created);
    awaitIdle();
  }

  @Test
  void a_duplicate_ratio_delivers_that_share_twice_same_id_each_signed_when_sent()
      throws Exception {
    WebhookReceiver receiver = receiver(WebhookReceiver.ok());
    String secret = subscribe(receiver);
    post("/_control/webhooks", "hold=true&duplicate_ratio=0.3&seed=11");
    List<String> created = createCustomers(20);
    clock.advance(Duration.ofSeconds(120));

    post("/_control/webhooks/release", "");

    assertThat(receiver.await(26)).isTrue();
    Map<String, Long> times =
        receiver.eventIds().stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(times.keySet()).isEqualTo(new HashSet<>(created));
    assertThat(times.values().stream().filter(n -> n == 2)).hasSize(6);
    assertThat(receiver.arrivals())
        .allSatisfy(
            a -> {
              // Signed at delivery (two minutes after the events), as Stripe signs each attempt.
              assertThat(a.signedAt()).isEqualTo(START.getEpochSecond() + 120);
              assertThat(a.signature())
                  .endsWith("v1=" + WebhookSigner.hmac(a.signedAt() + "." + a.payload(), secret));
            });
    awaitIdle();
  }

  @Test
  void a_slow_endpoint_does_not_hold_up_another() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    WebhookReceiver slow = receiver(new WebhookReceiver(n -> 200, gate));
    WebhookReceiver fast = receiver(WebhookReceiver.ok());
    subscribe(slow);
    subscribe(fast);

    createCustomers(12);

    assertThat(fast.await(12)).isTrue();
    assertThat(slow.arrivals()).isEmpty();
    gate.countDown();
    assertThat(slow.await(12)).isTrue();
    awaitIdle();
  }

  @Test
  void a_failing_endpoint_is_retried_until_it_answers_2xx() throws Exception {
    WebhookReceiver flaky = receiver(new WebhookReceiver(n -> n <= 2 ? 500 : 200, gate(0)));
    subscribe(flaky);
    post("/_control/webhooks", "retry_base_ms=20");

    String event = createCustomers(1).getFirst();

    assertThat(flaky.await(3)).isTrue();
    awaitIdle();
    assertThat(sandbox.webhookAttempts())
        .extracting(WebhookAttempt::eventId, WebhookAttempt::attempt, WebhookAttempt::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(event, 1, 500),
            org.assertj.core.groups.Tuple.tuple(event, 2, 500),
            org.assertj.core.groups.Tuple.tuple(event, 3, 200));
  }

  @Test
  void turning_the_hold_off_releases_what_it_held() throws Exception {
    WebhookReceiver receiver = receiver(WebhookReceiver.ok());
    subscribe(receiver);
    post("/_control/webhooks", "hold=true");
    List<String> created = createCustomers(3);

    post("/_control/webhooks", "hold=false");

    assertThat(receiver.await(3)).isTrue();
    assertThat(receiver.eventIds()).containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void a_duplicate_ratio_outside_zero_to_one_is_refused_naming_the_parameter() throws Exception {
    HttpResponse<String> refused = post("/_control/webhooks", "duplicate_ratio=1.5");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"param\":\"duplicate_ratio\"");
    assertThat(sandbox.webhookSwitches()).isEqualTo(WebhookSwitches.normal());
  }

  private WebhookReceiver receiver(WebhookReceiver r) {
    open.add(r);
    return r;
  }

  private static CountDownLatch gate(int count) {
    return new CountDownLatch(count);
  }

  /** Registers an endpoint for customer.created; returns its signing secret. */
  private String subscribe(WebhookReceiver receiver) throws Exception {
    String body =
        post(
                "/v1/webhook_endpoints",
                "url="
                    + URLEncoder.encode(receiver.url(), StandardCharsets.UTF_8)
                    + "&enabled_events[]=customer.created")
            .body();
    return body.replaceFirst("(?s).*\"secret\":\"(whsec_[^\"]+)\".*", "$1");
  }

  /** Creates customers one by one; returns the ids of their customer.created events in order. */
  private List<String> createCustomers(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      assertThat(post("/v1/customers", "email=c" + i + "%40x.example").statusCode()).isEqualTo(200);
    }
    List<String> newestFirst =
        JSON
            .readTree(get("/v1/events?type=customer.created&limit=100").body())
            .path("data")
            .findValuesAsString("id")
            .stream()
            .filter(id -> id.startsWith("evt_"))
            .toList();
    List<String> ids = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(ids);
    return ids;
  }

  private void awaitIdle() {
    await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.webhookBacklog().idle());
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
