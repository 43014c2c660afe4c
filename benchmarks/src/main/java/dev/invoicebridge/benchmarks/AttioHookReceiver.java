package dev.invoicebridge.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Attio webhook target on loopback: notes when the first {@code record.updated} event for each
 * record arrives, timestamped on arrival.
 */
final class AttioHookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Map<String, Instant> firstUpdate = new ConcurrentHashMap<>();

  AttioHookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/attio-hook", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/attio-hook");
  }

  /** When the first record.updated for {@code recordId} arrived after {@link #forget}. */
  Instant firstUpdate(String recordId) {
    return firstUpdate.get(recordId);
  }

  /** Forgets earlier updates, before the measured changes begin. */
  void forget() {
    firstUpdate.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Instant arrived = Instant.now();
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    for (JsonNode event : body.path("events")) {
      if (event.path("event_type").asString().equals("record.updated")) {
        firstUpdate.putIfAbsent(event.path("id").path("record_id").asString(), arrived);
      }
    }
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
