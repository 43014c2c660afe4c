package dev.invoicebridge.sandbox.attio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers events like Attio: one event per message, {@code Attio-Signature} and {@code
 * X-Attio-Signature} carrying the hex HMAC-SHA256 of the body under the webhook's secret, an {@code
 * Idempotency-Key} that stays the same across retries, and retries on any non-2xx answer. A webhook
 * whose retries run out is marked degraded.
 */
final class WebhookDelivery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Supplier<Collection<WebhookDef>> webhooks;
  private final List<Duration> retryDelays;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "attio-sandbox-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final List<WebhookAttempt> attempts = new CopyOnWriteArrayList<>();

  /**
   * @param retryDelays the wait before each retry; Attio makes up to 10 attempts over about 3 days
   */
  WebhookDelivery(Supplier<Collection<WebhookDef>> webhooks, List<Duration> retryDelays) {
    this.webhooks = webhooks;
    this.retryDelays = List.copyOf(retryDelays);
  }

  /** Sends each event to every subscribed webhook whose filter passes it. */
  void publish(List<Map<String, Object>> events) {
    for (Map<String, Object> event : events) {
      for (WebhookDef w : new ArrayList<>(webhooks.get())) {
        if (!"inactive".equals(w.status) && subscribed(w, event)) {
          byte[] body =
              JSON.writeValueAsBytes(Map.of("webhook_id", w.id, "events", List.of(event)));
          Message m =
              new Message(w, (String) event.get("event_type"), body, UUID.randomUUID().toString());
          executor.execute(() -> attempt(m, 1));
        }
      }
    }
  }

  List<WebhookAttempt> attempts() {
    return List.copyOf(attempts);
  }

  private static boolean subscribed(WebhookDef w, Map<String, Object> event) {
    return w.subscriptions.stream()
        .anyMatch(
            s ->
                s.get("event_type").equals(event.get("event_type"))
                    && WebhookFilter.passes(filter(s), event));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> filter(Map<String, Object> subscription) {
    return (Map<String, Object>) subscription.get("filter");
  }

  private record Message(
      WebhookDef webhook, String eventType, byte[] body, String idempotencyKey) {}

  private void attempt(Message m, int number) {
    int status = send(m);
    attempts.add(
        new WebhookAttempt(m.webhook().id, m.eventType(), m.idempotencyKey(), number, status));
    if (status >= 200 && status < 300) {
      m.webhook().status = "active";
      return;
    }
    if (number > retryDelays.size()) {
      m.webhook().status = "degraded";
      log.info("Sandbox webhook {} gave up after {} attempts", m.webhook().id, number);
      return;
    }
    if (!executor.isShutdown()) {
      executor.schedule(
          () -> attempt(m, number + 1),
          retryDelays.get(number - 1).toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private int send(Message m) {
    String signature = sign(m.body(), m.webhook().secret);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(m.webhook().targetUrl))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header("Attio-Signature", signature)
            .header("X-Attio-Signature", signature)
            .header("Idempotency-Key", m.idempotencyKey())
            .header("User-Agent", "Attio 2.0 (https://attio.com/developers/using-webhooks)")
            .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
