package dev.invoicebridge.sandbox.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers events to subscribed endpoints on one background thread: signed with the endpoint's
 * secret, retried on non-2xx or timeout with doubling backoff (test mode: 3 retries), and, when
 * switched on for tests, duplicated or delivered in reverse order.
 */
final class WebhookDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int MAX_RETRIES = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private record Target(String endpointId, String url, String secret, String apiVersion) {}

  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("stripe-sandbox-webhooks").unstarted(r));
  private final List<WebhookAttempt> attempts = new ArrayList<>();
  private volatile boolean duplicates;
  private volatile boolean outOfOrder;
  private volatile Duration retryBase = Duration.ofSeconds(10);

  WebhookDelivery(Clock clock) {
    this.clock = clock;
  }

  void switches(boolean duplicates, boolean outOfOrder, Duration retryBase) {
    this.duplicates = duplicates;
    this.outOfOrder = outOfOrder;
    this.retryBase = retryBase;
  }

  /** Queues a call's events for their subscribers, resolved now (under the store's lock). */
  void deliver(
      List<Map<String, Object>> events,
      Function<String, List<Map<String, Object>>> subscribers,
      Function<String, java.util.Optional<String>> secrets) {
    List<Map<String, Object>> ordered = new ArrayList<>(events);
    if (outOfOrder) {
      java.util.Collections.reverse(ordered);
    }
    for (Map<String, Object> event : ordered) {
      for (Map<String, Object> endpoint : subscribers.apply((String) event.get("type"))) {
        String id = (String) endpoint.get("id");
        Object version = endpoint.get("api_version");
        Target target =
            new Target(
                id,
                (String) endpoint.get("url"),
                secrets.apply(id).orElseThrow(),
                version == null ? EventLog.API_VERSION : (String) version);
        int copies = duplicates ? 2 : 1;
        for (int i = 0; i < copies; i++) {
          executor.execute(() -> attempt(event, target, 1));
        }
      }
    }
  }

  synchronized List<WebhookAttempt> attempts() {
    return List.copyOf(attempts);
  }

  private void attempt(Map<String, Object> event, Target target, int attempt) {
    Map<String, Object> copy = StripeStore.deepCopy(event);
    copy.put("api_version", target.apiVersion());
    String payload = JSON.writeValueAsString(copy);
    int status = post(target, payload);
    synchronized (this) {
      attempts.add(
          new WebhookAttempt(
              (String) event.get("id"),
              (String) event.get("type"),
              target.endpointId(),
              attempt,
              status));
    }
    if ((status < 200 || status > 299) && attempt <= MAX_RETRIES) {
      long delay = retryBase.toMillis() << (attempt - 1);
      executor.schedule(() -> attempt(event, target, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }
  }

  private int post(Target target, String payload) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(target.url()))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json; charset=utf-8")
              .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
              .header(
                  "Stripe-Signature",
                  WebhookSigner.header(payload, target.secret(), clock.instant().getEpochSecond()))
              .POST(HttpRequest.BodyPublishers.ofString(payload))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      LOG.debug("Webhook delivery to endpoint {} failed: {}", target.endpointId(), e.toString());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.close();
  }
}
