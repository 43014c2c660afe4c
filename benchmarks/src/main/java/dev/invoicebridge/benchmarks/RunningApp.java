package dev.invoicebridge.benchmarks;

import dev.invoicebridge.InvoicebridgeApplication;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real service, started in this JVM in sandbox mode on a free loopback port, with its emulators
 * mounted as usual; plus what a benchmark needs to drive them over HTTP.
 */
final class RunningApp implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final Path dataDir;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private RunningApp(ConfigurableApplicationContext context, Path dataDir) {
    this.context = context;
    this.dataDir = dataDir;
  }

  /**
   * Starts the service; {@code settings} override application.yml as an operator's would. The
   * per-request log line is turned down so 25,000 requests do not flood the console.
   */
  static RunningApp start(Map<String, String> settings) {
    Path data;
    try {
      data = Files.createTempDirectory("invoicebridge-benchmark-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("server.port", "0");
    all.put("invoicebridge.data-dir", data.toString());
    all.put("invoicebridge.instance-name", "benchmark");
    all.put("logging.level.dev.invoicebridge.requests", "WARN");
    all.put("logging.level.root", "WARN");
    all.putAll(settings);
    List<String> args = new ArrayList<>();
    all.forEach((k, v) -> args.add("--" + k + "=" + v));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(InvoicebridgeApplication.class)
            .run(args.toArray(String[]::new));
    return new RunningApp(context, data);
  }

  int port() {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcClient jdbc() {
    return bean(JdbcClient.class);
  }

  WorkspaceId workspace() {
    return bean(Workspaces.class).all().getFirst().id();
  }

  Secret secret(String name) {
    return bean(SecretVault.class).get(workspace(), name).orElseThrow();
  }

  /** The admin API token sandbox mode left in the data directory. */
  String apiToken() {
    try {
      return Files.readString(dataDir.resolve("sandbox-api-token"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A call to the Stripe emulator as the account; a 429 (nothing done) is sent again. */
  String stripe(String method, String path, String form) {
    return send(
        HttpRequest.newBuilder(uri("/sandbox/stripe" + path))
            .header("Authorization", "Bearer " + secret("sandbox.stripe_secret_key").reveal())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** A call to the service's API with the admin token. */
  String api(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + apiToken())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * {@code POST /api/v1/invoices} under an Idempotency-Key, sent again while Stripe's rate limit
   * (503) or the first attempt still running (409) stands in the way; the key makes that safe.
   */
  String createInvoice(String json, String idempotencyKey) {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/invoices"))
            .header("Authorization", "Bearer " + apiToken())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        Set.of(409, 429, 503));
  }

  private String send(HttpRequest request) {
    return send(request, Set.of(429));
  }

  private String send(HttpRequest request, Set<Integer> sendAgainOn) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (sendAgainOn.contains(response.statusCode()) && attempt < 100) {
        LockSupport.parkNanos(100_000_000L);
        continue;
      }
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri().getPath()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    }
  }

  @Override
  public void close() {
    http.close();
    context.close();
  }
}
