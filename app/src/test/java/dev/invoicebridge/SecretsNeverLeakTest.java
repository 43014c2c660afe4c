package dev.invoicebridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.connection.LocalServer;
import dev.invoicebridge.sandbox.SandboxCredentials;
import dev.invoicebridge.sandboxmode.SandboxAccounts;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.OwnSandboxAppTest;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.Workspaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds real-looking secrets into a workspace, exercises every endpoint and page (failing
 * connection checks included), then scans every response, the log and the database for them. A
 * service of its own: it adds a workspace with failing live connections and starts backfills.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest extends OwnSandboxAppTest {
  static final String ATTIO_TOKEN = "attio_SEEDED_9f8e7d6c5b4a39281706";
  static final String STRIPE_KEY = "sk_test_SEEDEDSECRET4242abcdEFGH";
  static final String QUICKBOOKS_TOKEN = "qb_SEEDED_eyJhbGciOiJSUzI1NiJ9";
  static final String WEBHOOK_SECRET = "whsec_SEEDEDSECRET1234567890";
  // Pasted keys that fail validation; one that passes is probed at the emulator in
  // StripeKeyConnectTest, since this context's Stripe API base is the real one.
  // Live-mode prefixes spelled in pieces, so that nothing here reads as a leaked live key.
  static final String PASTED_PUBLISHABLE = "pk" + "_live_PASTEDSECRET9876zyxw";
  static final String PASTED_MANGLED = "sk" + "_live_PASTEDSECRET 9876-zyxw";
  static final String INVOICE =
      """
      {"record": {"object": "people", "record_id": "00000000-0000-4000-8000-000000000000"},
       "lines": [{"description": "Probe", "unit_amount": 100}], "currency": "usd"}
      """;

  @Autowired Workspaces workspaces;
  @Autowired Connections connections;
  @Autowired SecretVault vault;
  @Autowired ApiTokens tokens;
  @Autowired LocalServer localServer;
  @Autowired SandboxAccounts sandboxAccounts;
  @Autowired JdbcClient jdbc;

  @Test
  void no_response_page_log_line_or_stored_row_contains_a_secret(CapturedOutput output) {
    Workspace acme = workspaces.create("acme", "Acme");
    // Live connections whose credentials the emulators reject: the failure paths run too.
    connections.connectLive(
        acme.id(),
        ConnectionKind.ATTIO,
        localServer.sandboxBaseUrl(ConnectionKind.ATTIO),
        new Secret(ATTIO_TOKEN),
        null);
    connections.connectLive(
        acme.id(),
        ConnectionKind.STRIPE,
        localServer.sandboxBaseUrl(ConnectionKind.STRIPE),
        new Secret(STRIPE_KEY),
        null);
    connections.connectLive(
        acme.id(),
        ConnectionKind.QUICKBOOKS,
        localServer.sandboxBaseUrl(ConnectionKind.QUICKBOOKS),
        new Secret(QUICKBOOKS_TOKEN),
        SandboxAccounts.QUICKBOOKS_REALM_ID);
    vault.put(acme.id(), "stripe.webhook_secret", new Secret(WEBHOOK_SECRET));
    List<Connection.Check> checks =
        connections.list(acme.id()).stream().map(connections::check).toList();
    assertThat(checks).allSatisfy(c -> assertThat(c.ok()).isFalse());
    connections.all().forEach(connections::check);

    String acmeToken = tokens.issue(acme.id(), "acme admin", Role.ADMIN, "test").plaintext();
    String defaultToken = adminToken;
    for (String token : List.of(acmeToken, defaultToken)) {
      String auth = Http.bearer(token);
      http.get("/api/v1/workspace", "Authorization", auth);
      http.get("/api/v1/tokens", "Authorization", auth);
      http.get("/actuator/health", "Authorization", auth);
      http.get("/api/v1/nope", "Authorization", auth);
      http.get("/api/v1/objects", "Authorization", auth);
      http.get("/api/v1/records/people?query=a", "Authorization", auth);
      http.get("/api/v1/schema", "Authorization", auth);
      http.postJson("/api/v1/schema/setup", "", "Authorization", auth);
      http.postJson("/api/v1/invoices", INVOICE, "Authorization", auth);
      http.get("/api/v1/invoices", "Authorization", auth);
      http.get("/api/v1/catalog/prices", "Authorization", auth);
      http.get("/api/v1/connections", "Authorization", auth);
      http.get("/api/v1/connections/stripe", "Authorization", auth);
      http.postJson("/api/v1/connections/stripe/check", "", "Authorization", auth);
      http.get("/api/v1/settings/sync", "Authorization", auth);
      for (String pasted : List.of(PASTED_PUBLISHABLE, PASTED_MANGLED)) {
        http.putJson(
            "/api/v1/connections/stripe",
            "{\"secret_key\": \"" + pasted + "\"}",
            "Authorization",
            auth);
      }
      http.postJson("/api/v1/sync/stripe/backfill", "", "Authorization", auth);
    }
    // Acme's backfill fails on its refused key: its error and the job list must not leak it.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () -> http.get("/api/v1/jobs", "Authorization", Http.bearer(acmeToken)).body(),
            body -> body.contains("\"status\":\"failed\""));
    for (Workspace w : workspaces.all()) {
      http.postJson("/webhooks/stripe/" + w.id().value(), "{}", "Stripe-Signature", "t=1,v1=0");
    }
    http.get("/actuator/prometheus");
    http.get("/v3/api-docs");
    http.login("admin", password("admin"));
    for (String page :
        List.of(
            "/records",
            "/records?object=companies&q=a",
            "/invoices",
            "/settings",
            "/settings/schema",
            "/settings/quickbooks",
            "/invoices/catalog?q=a",
            "/invoices/new/line?next_row=1",
            "/invoices/new?object=people&record_id=00000000-0000-4000-8000-000000000000",
            "/settings/backfill/status",
            "/login")) {
      http.get(page);
    }
    http.postForm("/settings", "/settings/connections/stripe/check", Map.of());
    http.postForm(
        "/records",
        "/invoices/new",
        Map.of(
            "object", "people",
            "record_id", "00000000-0000-4000-8000-000000000000",
            "description_0", "Probe",
            "unit_price_0", "1",
            "action", "finalize"));
    http.postForm("/settings", "/settings/stripe/key", Map.of("secret_key", PASTED_PUBLISHABLE));
    http.postForm("/settings", "/settings/stripe/key", Map.of("secret_key", PASTED_MANGLED));
    http.get("/settings");

    SandboxCredentials sandbox = sandboxAccounts.ensure(workspaces.ensureDefault("x").id());
    String sandboxWebhookSecret =
        vault
            .get(workspaces.ensureDefault("x").id(), "stripe.webhook_secret")
            .orElseThrow()
            .reveal();
    List<String> secrets =
        List.of(
            ATTIO_TOKEN,
            STRIPE_KEY,
            QUICKBOOKS_TOKEN,
            WEBHOOK_SECRET,
            PASTED_PUBLISHABLE,
            PASTED_MANGLED,
            sandbox.attioToken(),
            sandbox.stripeSecretKey(),
            sandbox.quickBooksAccessToken(),
            sandboxWebhookSecret);
    String responses = http.everythingSeen();
    assertThat(responses).contains("Stripe rejected the API key");
    String stored =
        String.join(
                "\n", jdbc.sql("select ciphertext from vault_secret").query(String.class).list())
            + jdbc.sql("select coalesce(last_check_message, '') from workspace_connection")
                .query(String.class)
                .list()
            + jdbc.sql("select payload from webhook_payload").query(String.class).list()
            + jdbc.sql("select coalesce(last_error, '') from webhook_inbox")
                .query(String.class)
                .list()
            + jdbc.sql("select coalesce(last_error, '') from sync_job").query(String.class).list();
    for (String secret : secrets) {
      assertThat(responses).as("HTTP responses").doesNotContain(secret);
      assertThat(output.getAll()).as("log output").doesNotContain(secret);
      assertThat(stored).as("database rows").doesNotContain(secret);
    }
  }
}
