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
import java.util.Map;
import java.util.Optional;

/**
 * The Attio emulator on embedded Tomcat, wrapped (when the document is present) in the OpenAPI
 * contract check, and clients pointed at it.
 */
final class SandboxFixture implements AutoCloseable {
  static final String TOKEN = "sandbox-test-token-0123456789abcdef";
  private static final Optional<OpenApiContract> CONTRACT = OpenApiContract.load();

  private final AttioSandboxServlet servlet;
  private final SandboxServer server;

  private SandboxFixture(AttioSandboxServlet servlet) {
    this.servlet = servlet;
    HttpServlet mounted =
        CONTRACT.<HttpServlet>map(c -> new ContractCheckingServlet(servlet, c)).orElse(servlet);
    this.server = SandboxServer.start(0, Map.of("attio", mounted));
  }

  /** An empty workspace with Attio's real limits and quick webhook retries. */
  static SandboxFixture start() {
    return start(
        AttioSandboxSettings.empty(AttioWorkspace.demo(), Clock.systemUTC())
            .withWebhookRetryDelays(
                java.util.List.of(Duration.ofMillis(50), Duration.ofMillis(100))));
  }

  static SandboxFixture start(AttioSandboxSettings settings) {
    return new SandboxFixture(new AttioSandboxServlet(() -> TOKEN, settings));
  }

  AttioClientSettings.Builder client() {
    return HttpAttioClient.builder(server.baseUri("attio"), () -> TOKEN);
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
