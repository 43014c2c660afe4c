package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An empty emulated workspace on a real server, and raw JSON calls to it with its token. */
final class AttioHttpProbe implements AutoCloseable {
  static final String TOKEN = "attio-sandbox-probe-token";

  private final AttioSandboxServlet attio;
  private final SandboxServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  AttioHttpProbe() {
    this(Clock.systemUTC());
  }

  /**
   * A workspace whose timestamps, rate-limit windows and Retry-After dates follow {@code clock}.
   */
  AttioHttpProbe(Clock clock) {
    attio =
        new AttioSandboxServlet(
            () -> TOKEN, AttioSandboxSettings.empty(AttioWorkspace.demo(), clock));
    server = SandboxServer.start(0, Map.of("attio", attio));
  }

  /** The emulator's switches (faults, rate limits) as Java calls. */
  AttioSandboxControl control() {
    return attio.control();
  }

  HttpResponse<String> send(String method, String path, String body) {
    return send(method, path, body, null);
  }

  /** One call; {@code timeout} bounds the wait for the answer (null: no bound). */
  HttpResponse<String> send(String method, String path, String body, Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUri("attio") + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TOKEN);
    if (timeout != null) {
      b.timeout(timeout);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The {@code data} of a successful answer. */
  JsonNode data(String method, String path, String body) {
    HttpResponse<String> r = send(method, path, body);
    if (r.statusCode() != 200) {
      throw new AssertionError(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return json(r).path("data");
  }

  static JsonNode json(HttpResponse<String> r) {
    return JsonMapper.builder().build().readTree(r.body());
  }

  @Override
  public void close() {
    http.close();
    server.close();
  }
}
