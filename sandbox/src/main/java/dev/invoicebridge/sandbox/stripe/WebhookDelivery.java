package dev.invoicebridge.sandbox.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers events to subscribed endpoints: each endpoint has its own queue and up to {@value
 * #PER_ENDPOINT} deliveries in flight, so a slow endpoint holds up only itself. Every attempt is
 * signed with the endpoint's secret at the moment it is sent; a non-2xx answer or a timeout is
 * retried with doubling backoff (test mode: 3 retries). The {@link WebhookSwitches} add duplicates,
 * disorder and holding for tests; a duplicate is the same event (same id), signed afresh.
 */
final class WebhookDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int MAX_RETRIES = 3;
  private static final int PER_ENDPOINT = 4;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private record Target(String endpointId, String url, String secret, String apiVersion) {}

  /** One event for one endpoint, at its {@code attempt}-th try. */
  private record Delivery(Map<String, Object> event, Target target, int attempt) {}

  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("stripe-sandbox-webhook-retries").unstarted(r));
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final List<WebhookAttempt> attempts = Collections.synchronizedList(new ArrayList<>());
  // Deliveries released and not finished (answered 2xx or out of retries), retries included.
  private final AtomicInteger unfinished = new AtomicInteger();
  private final AtomicInteger retrying = new AtomicInteger();
  // Guarded by this: the switches, their random source, and what they hold back.
  private final List<Delivery> held = new ArrayList<>();
  private WebhookSwitches switches = WebhookSwitches.normal();
  private long seed = new SecureRandom().nextLong();
  private Random random = new Random(seed);
  private volatile boolean closed;

  WebhookDelivery(Clock clock) {
    this.clock = clock;
  }

  /** New switches; turning the hold off releases whatever it held. */
  synchronized void switches(WebhookSwitches next) {
    this.switches = next;
    this.seed = next.seed().orElseGet(() -> new SecureRandom().nextLong());
    this.random = new Random(seed);
    if (!next.hold()) {
      release();
    }
  }

  /** Queues a call's events for their subscribers, resolved now (under the store's lock). */
  synchronized void deliver(
      List<Map<String, Object>> events,
      Function<String, List<Map<String, Object>>> subscribers,
      Function<String, Optional<String>> secrets) {
    List<Delivery> call = new ArrayList<>();
    for (Map<String, Object> event : events) {
      for (Map<String, Object> endpoint : subscribers.apply((String) event.get("type"))) {
        String id = (String) endpoint.get("id");
        Object version = endpoint.get("api_version");
        Target target =
            new Target(
                id,
                (String) endpoint.get("url"),
                secrets.apply(id).orElseThrow(),
                version == null ? EventLog.API_VERSION : (String) version);
        call.add(new Delivery(event, target, 1));
      }
    }
    if (switches.outOfOrder()) {
      Collections.reverse(call);
    }
    if (switches.hold()) {
      held.addAll(call);
    } else {
      call.forEach(this::enqueue);
    }
  }

  /** Delivers everything held as one batch, in the switches' order; returns how many deliveries. */
  synchronized int release() {
    List<Delivery> batch = WebhookPlan.order(held, switches, random);
    held.clear();
    unfinished.addAndGet(batch.size());
    batch.forEach(d -> lane(d).append(d));
    return batch.size();
  }

  synchronized WebhookBacklog backlog() {
    return new WebhookBacklog(held.size(), unfinished.get(), retrying.get(), seed);
  }

  synchronized WebhookSwitches switches() {
    return switches;
  }

  List<WebhookAttempt> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  /** A first attempt outside a batch: placed, and perhaps copied, by the switches. */
  private void enqueue(Delivery d) {
    Lane lane = lane(d);
    synchronized (lane) {
      List<Delivery> queue = lane.pending;
      int before = queue.size();
      int at = switches.shuffled() ? random.nextInt(queue.size() + 1) : queue.size();
      queue.add(at, d);
      if (switches.duplicates()) {
        queue.add(at + 1, d);
      } else if (switches.duplicateRatio() > 0 && random.nextDouble() < switches.duplicateRatio()) {
        queue.add(WebhookPlan.later(at, queue.size(), random), d);
      }
      unfinished.addAndGet(queue.size() - before);
      lane.startWorkers();
    }
  }

  private Lane lane(Delivery d) {
    return lanes.computeIfAbsent(d.target().endpointId(), id -> new Lane());
  }

  private void attempt(Delivery d) {
    Map<String, Object> copy = StripeStore.deepCopy(d.event());
    copy.put("api_version", d.target().apiVersion());
    int status = post(d.target(), JSON.writeValueAsString(copy));
    attempts.add(
        new WebhookAttempt(
            (String) d.event().get("id"),
            (String) d.event().get("type"),
            d.target().endpointId(),
            d.attempt(),
            status));
    if ((status < 200 || status > 299) && d.attempt() <= MAX_RETRIES && !closed) {
      long delay = switches().retryBase().toMillis() << (d.attempt() - 1);
      Delivery next = new Delivery(d.event(), d.target(), d.attempt() + 1);
      retrying.incrementAndGet();
      retries.schedule(
          () -> {
            lane(next).append(next);
            retrying.decrementAndGet();
          },
          delay,
          TimeUnit.MILLISECONDS);
    } else {
      unfinished.decrementAndGet();
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
    closed = true;
    retries.shutdownNow();
    http.shutdownNow();
  }

  /** One endpoint's queue and its workers (virtual threads, at most {@value #PER_ENDPOINT}). */
  private final class Lane {
    // Guarded by this lane.
    private final List<Delivery> pending = new ArrayList<>();
    private int workers;

    synchronized void append(Delivery d) {
      pending.add(d);
      startWorkers();
    }

    synchronized void startWorkers() {
      while (!closed && workers < PER_ENDPOINT && workers < pending.size()) {
        workers++;
        Thread.ofVirtual().name("stripe-sandbox-webhook").start(this::work);
      }
    }

    private void work() {
      while (true) {
        Delivery next;
        synchronized (this) {
          if (pending.isEmpty() || closed) {
            workers--;
            return;
          }
          next = pending.removeFirst();
        }
        attempt(next);
      }
    }
  }
}
