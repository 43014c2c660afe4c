package dev.invoicebridge.sandbox.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook endpoint for tests on loopback: records every delivery in arrival order, answers with
 * the status {@code answer} gives for the n-th request, and can hold requests at a gate (a slow
 * endpoint).
 */
final class WebhookReceiver implements AutoCloseable {
  private static final Pattern ID = Pattern.compile("\"id\":\"(evt_[^\"]+)\"");

  /** One delivery as it arrived. */
  record Arrival(String eventId, String signature, String payload) {
    long signedAt() {
      return Long.parseLong(signature.replaceFirst("^t=(\\d+),.*$", "$1"));
    }
  }

  private final HttpServer server;
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Semaphore arrived = new Semaphore(0);
  private final AtomicInteger requests = new AtomicInteger();
  private final IntUnaryOperator answer;
  private final CountDownLatch gate;

  WebhookReceiver(IntUnaryOperator answer, CountDownLatch gate) {
    this.answer = answer;
    this.gate = gate;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/hook", this::handle);
    server.start();
  }

  /** Answers 200 at once. */
  static WebhookReceiver ok() {
    return new WebhookReceiver(n -> 200, new CountDownLatch(0));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Waits (up to 30 s) until {@code count} more deliveries than already awaited have arrived. */
  boolean await(int count) throws InterruptedException {
    return arrived.tryAcquire(count, 30, TimeUnit.SECONDS);
  }

  synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  List<String> eventIds() {
    return arrivals().stream().map(Arrival::eventId).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int n = requests.incrementAndGet();
    try {
      gate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Matcher id = ID.matcher(payload);
    synchronized (this) {
      arrivals.add(
          new Arrival(
              id.find() ? id.group(1) : "?",
              exchange.getRequestHeaders().getFirst("Stripe-Signature"),
              payload));
    }
    exchange.sendResponseHeaders(answer.applyAsInt(n), -1);
    exchange.close();
    arrived.release();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
