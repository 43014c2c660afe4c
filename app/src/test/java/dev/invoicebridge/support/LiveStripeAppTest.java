package dev.invoicebridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base for tests that change the Stripe connection and the sync switch of a sandbox-mode app, in a
 * context of their own (other tests rely on the shared one staying as it starts). The app runs on a
 * fixed port so that {@code invoicebridge.stripe.api-base} can name its own Stripe emulator: a
 * pasted key is then connected LIVE exactly as against api.stripe.com, and the emulator delivers
 * webhooks to {@code invoicebridge.public-url}. Each test starts from sync on, no people created,
 * and Stripe on the sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class LiveStripeAppTest {
  protected static final Path DATA = SandboxApp.newDataDir();
  protected static final int PORT = freePort();

  @DynamicPropertySource
  static void liveStripeSettings(DynamicPropertyRegistry registry) {
    registry.add("invoicebridge.data-dir", DATA::toString);
    registry.add("server.port", () -> PORT);
    registry.add(
        "invoicebridge.stripe.api-base", () -> "http://127.0.0.1:" + PORT + "/sandbox/stripe");
  }

  @Autowired protected Workspaces workspaces;
  @Autowired protected SecretVault vault;
  @Autowired protected AttioClients attio;
  @Autowired protected JdbcClient jdbc;
  protected InvoiceRig rig;

  @BeforeEach
  void startFromSyncOnWithTheSandbox() {
    rig = new InvoiceRig(PORT, DATA, workspaces, vault, attio);
    expect(200, putSync("{\"sync_invoices\": true, \"create_missing_people\": false}"));
    expect(200, api("POST", "/api/v1/connections/stripe/sandbox", ""));
  }

  /** Calls the API as the sandbox admin. */
  protected HttpResponse<String> api(String method, String path, String json) {
    String[] auth = {"Authorization", Http.bearer(rig.token)};
    return switch (method) {
      case "GET" -> rig.http.get(path, auth);
      case "POST" -> rig.http.postJson(path, json, auth);
      case "PUT" -> rig.http.putJson(path, json, auth);
      case "DELETE" -> rig.http.delete(path, auth);
      default -> throw new IllegalArgumentException(method);
    };
  }

  protected HttpResponse<String> putSync(String json) {
    return api("PUT", "/api/v1/settings/sync", json);
  }

  protected HttpResponse<String> connectKey(String key) {
    return api("PUT", "/api/v1/connections/stripe", "{\"secret_key\": \"" + key + "\"}");
  }

  protected static JsonNode expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? null : Http.json(response);
  }

  /** The Stripe connection as GET /api/v1/connections lists it, or null. */
  protected JsonNode stripeConnection() {
    JsonNode list = expect(200, api("GET", "/api/v1/connections", "")).path("connections");
    return StreamSupport.stream(list.spliterator(), false)
        .filter(c -> c.path("kind").asString().equals("stripe"))
        .findFirst()
        .orElse(null);
  }

  /** Webhook endpoints at the Stripe emulator whose URL is this workspace's webhook path. */
  protected List<JsonNode> ourEndpointsAtStripe() {
    JsonNode list = Http.json(rig.stripe("GET", "/v1/webhook_endpoints?limit=100"));
    return StreamSupport.stream(list.path("data").spliterator(), false)
        .filter(e -> e.path("url").asString().endsWith("/webhooks/stripe/" + rig.workspace.value()))
        .toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
