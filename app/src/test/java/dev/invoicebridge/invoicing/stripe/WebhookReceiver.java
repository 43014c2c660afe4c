package dev.invoicebridge.invoicing.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP endpoint that records the webhooks the sandbox delivers. */
final class WebhookReceiver implements AutoCloseable {
  /** One delivery as received: the raw body and its signature header. */
  record Delivery(String body, String signature) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/stripe/webhook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          deliveries.add(
              new Delivery(body, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
          int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stripe/webhook");
  }

  /** The next {@code n} deliveries are answered with 500. */
  void failNext(int n) {
    failuresLeft.set(n);
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  void clear() {
    deliveries.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
