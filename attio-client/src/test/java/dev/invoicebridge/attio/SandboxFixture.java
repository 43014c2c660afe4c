package dev.invoicebridge.attio;

import dev.invoicebridge.attio.contract.ContractCheckingServlet;
import dev.invoicebridge.attio.contract.OpenApiContract;
import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.attio.AttioSandboxControl;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioSandboxSettings;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Attio emulator on embedded Tomcat, wrapped (when the document is present) in the OpenAPI
 * contract check, and clients pointed at it.
 */
final class SandboxFixture implements AutoCloseable {
  static final String TOKEN = "sandbox-test-token-0123456789abcdef";
  private static final Optional<OpenApiContract> CONTRACT = OpenApiContract.load();
  private static final AttioClientSettings.RateLimits FAST =
      new AttioClientSettings.RateLimits(2000, 2000);

  private final AttioSandboxServlet servlet;
  private final SandboxServer server;
  private final AttioClientSettings.RateLimits limits;

  private SandboxFixture(
      AttioSandboxServlet servlet,
      AttioClientSettings.RateLimits limits,
      Map<String, HttpServlet> extra) {
    this.servlet = servlet;
    this.limits = limits;
    HttpServlet mounted =
        CONTRACT.<HttpServlet>map(c -> new ContractCheckingServlet(servlet, c)).orElse(servlet);
    Map<String, HttpServlet> mounts = new LinkedHashMap<>(extra);
    mounts.put("attio", mounted);
    this.server = SandboxServer.start(0, mounts);
  }

  /**
   * An empty workspace with quick webhook retries and generous rate limits (client and sandbox
   * alike), so functional tests are not paced; the pacing tests use {@link #withAttioLimits}.
   */
  static SandboxFixture start() {
    return start(Map.of());
  }

  /** As {@link #start()}, with more servlets (such as a webhook receiver) on the same server. */
  static SandboxFixture start(Map<String, HttpServlet> extra) {
    AttioSandboxSettings settings =
        base().withRateLimits(FAST.readsPerSecond(), FAST.writesPerSecond());
    return new SandboxFixture(new AttioSandboxServlet(() -> TOKEN, settings), FAST, extra);
  }

  /** An empty workspace that limits like Attio: 100 reads/s and 25 writes/s per token. */
  static SandboxFixture withAttioLimits() {
    return new SandboxFixture(
        new AttioSandboxServlet(() -> TOKEN, base()),
        AttioClientSettings.RateLimits.ATTIO,
        Map.of());
  }

  private static AttioSandboxSettings base() {
    return AttioSandboxSettings.empty(AttioWorkspace.demo(), Clock.systemUTC())
        .withWebhookRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)));
  }

  AttioClientSettings.Builder client() {
    return HttpAttioClient.builder(server.baseUri("attio"), () -> TOKEN).rateLimits(limits);
  }

  HttpAttioClient defaultClient() {
    return client().build();
  }

  AttioSandboxControl control() {
    return servlet.control();
  }

  SandboxServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
