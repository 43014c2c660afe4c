package dev.invoicebridge.sandbox.stripe;

import dev.invoicebridge.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Stripe sandbox on a real port, and plain HTTP calls to it as any Stripe client makes them. */
final class StripeWire implements AutoCloseable {
  static final String KEY = "sk_test_wire0123456789";
  static final String ACCOUNT = "acct_1WireTestAccount";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A status, the parsed body and the headers. */
  record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** The body as sent. */
    String text() {
      return raw.body();
    }

    /** The id of the object answered. */
    String id() {
      return body.path("id").asString();
    }
  }

  private final StripeSandbox sandbox;
  private final SandboxServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  StripeWire(Clock clock) {
    sandbox = new StripeSandbox(() -> KEY, ACCOUNT, clock);
    sandbox.rateLimitPerSecond(0);
    server = SandboxServer.start(0, Map.of("stripe", new StripeSandboxServlet(sandbox)));
  }

  StripeWire() {
    this(Clock.systemUTC());
  }

  StripeSandbox sandbox() {
    return sandbox;
  }

  Answer get(String path) {
    return send(request(path).GET(), KEY);
  }

  Answer get(String path, String key) {
    return send(request(path).GET(), key);
  }

  Answer post(String path, String form) {
    return post(path, form, null, KEY);
  }

  Answer post(String path, String form, String idempotencyKey, String key) {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b, key);
  }

  Answer delete(String path) {
    return send(request(path).DELETE(), KEY);
  }

  /** A new customer with a send_invoice draft; returns the invoice id. */
  String draft() {
    String customer = post("/v1/customers", "email=wire%40example.com").id();
    return post(
            "/v1/invoices",
            "customer=" + customer + "&collection_method=send_invoice&days_until_due=7")
        .id();
  }

  /** A draft with one 1,200 line, finalized. */
  String openInvoice() {
    String invoice = draft();
    post("/v1/invoiceitems", "invoice=" + invoice + "&amount=1200&currency=usd&description=Work");
    Answer finalized = post("/v1/invoices/" + invoice + "/finalize", "");
    if (!finalized.body().path("status").asString().equals("open")) {
      throw new AssertionError("the invoice did not open: " + finalized.text());
    }
    return invoice;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUri("stripe") + path))
        .timeout(Duration.ofSeconds(10));
  }

  private Answer send(HttpRequest.Builder request, String key) {
    try {
      HttpResponse<String> r =
          http.send(
              request.header("Authorization", "Bearer " + key).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), JSON.readTree(r.body()), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    http.close();
  }
}
