package dev.invoicebridge.invoicing.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.quickbooks.QuickBooksException;
import dev.invoicebridge.quickbooks.RealmId;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.QuickBooksOAuthClient;
import dev.invoicebridge.sandboxmode.SandboxAccounts;
import dev.invoicebridge.support.SandboxApp;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An admin connects QuickBooks end to end over HTTP in sandbox mode: Settings → the emulator's
 * consent page → callback with a session-bound state → connected; Disconnect revokes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuickBooksConnectFlowTest {
  static final Path DATA = SandboxApp.newDataDir();
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern HIDDEN =
      Pattern.compile("type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("invoicebridge.data-dir", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired QuickBooksConnector connector;
  @Autowired JdbcClient jdbc;
  @Autowired Connections connections;
  @Autowired SandboxAccounts accounts;
  @Autowired Workspaces workspaces;

  @Test
  void an_admin_connects_through_the_consent_page_and_disconnect_revokes() {
    Browser browser = new Browser("http://localhost:" + port);
    browser.login("admin", SandboxApp.password(DATA, "admin"));
    assertThat(browser.get("/settings").body()).contains("/settings/quickbooks");
    assertThat(browser.get("/settings/quickbooks").body())
        .contains("data-quickbooks-status=\"disconnected\"");

    HttpResponse<String> consent = browser.get("/settings/quickbooks/connect");
    assertThat(consent.uri().getPath()).isEqualTo("/sandbox/quickbooks/connect/oauth2");
    Map<String, String> form = hidden(consent.body());
    form.put("realmId", SandboxAccounts.QUICKBOOKS_REALM_ID);
    form.put("action", "connect");
    HttpResponse<String> afterConsent =
        browser.postForm("/sandbox/quickbooks/connect/oauth2", form);

    assertThat(afterConsent.uri().getPath()).isEqualTo("/settings/quickbooks");
    assertThat(afterConsent.body())
        .contains("QuickBooks connected.")
        .contains("data-quickbooks-status=\"connected\"")
        .contains("Invoicebridge Sandbox Company")
        .contains(SandboxAccounts.QUICKBOOKS_REALM_ID);
    String storedRealm =
        jdbc.sql("select realm_id from quickbooks_token").query(String.class).single();
    assertThat(storedRealm).isEqualTo(SandboxAccounts.QUICKBOOKS_REALM_ID);
    OAuthTokens stored = currentTokens();
    assertThat(browser.everything())
        .doesNotContain(stored.refreshToken())
        .doesNotContain(stored.accessToken());

    Matcher csrf = CSRF.matcher(afterConsent.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> after =
        browser.postForm("/settings/quickbooks/disconnect", Map.of("_csrf", csrf.group(1)));

    assertThat(after.body())
        .contains("QuickBooks disconnected.")
        .contains("data-quickbooks-status=\"disconnected\"");
    assertThat(jdbc.sql("select count(*) from quickbooks_token").query(Long.class).single())
        .isZero();
    // The stored refresh token was never used, so only the revocation can have killed it.
    QuickBooksOAuthClient oauth =
        connector.oauth(URI.create("http://localhost:" + port)).orElseThrow();
    assertThatThrownBy(() -> oauth.refresh(stored))
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
  }

  @Test
  void a_connection_quickbooks_refuses_is_shown_as_needing_a_reconnect_and_the_check_says_so() {
    Browser browser = new Browser("http://localhost:" + port);
    browser.login("admin", SandboxApp.password(DATA, "admin"));
    connectThroughConsent(browser);
    WorkspaceId workspace = defaultWorkspace();
    try {
      Connection sandboxConnection =
          connections.get(workspace, ConnectionKind.QUICKBOOKS).orElseThrow();
      assertThat(connections.check(sandboxConnection).ok()).isTrue();
      // Intuit revokes the grant (the user disconnected the app in QuickBooks) and the access
      // token expires, so the next call must refresh, which Intuit refuses.
      QuickBooksOAuthClient oauth =
          connector.oauth(URI.create("http://localhost:" + port)).orElseThrow();
      oauth.revoke(currentTokens().refreshToken());
      assertThat(control("POST", "/oauth/expire-access-tokens", sandboxToken()).statusCode())
          .isEqualTo(200);

      String page = browser.get("/settings/quickbooks").body();

      assertThat(page)
          .contains("data-quickbooks-status=\"reconnect\"")
          .contains("nothing is sent to QuickBooks until you reconnect");
      assertThat(
              jdbc.sql("select reconnect_required_at from quickbooks_token")
                  .query(java.sql.Timestamp.class)
                  .single())
          .isNotNull();
      // The check uses the workspace's OAuth tokens, not the sandbox's pre-issued token.
      Connection.Check check = connections.check(sandboxConnection);
      assertThat(check.ok()).isFalse();
      assertThat(check.message()).contains("reconnect QuickBooks in Settings");

      connectThroughConsent(browser);
      assertThat(browser.get("/settings/quickbooks").body())
          .contains("data-quickbooks-status=\"connected\"");
      assertThat(connections.check(sandboxConnection).ok()).isTrue();
    } finally {
      connector.store(workspace).delete(new RealmId(SandboxAccounts.QUICKBOOKS_REALM_ID));
    }
  }

  @Test
  void the_emulators_controls_take_the_sandbox_credential_kept_in_the_vault() {
    HttpResponse<String> withCredential = control("GET", "/calls", sandboxToken());
    HttpResponse<String> without = control("GET", "/calls", "not-the-token");

    assertThat(withCredential.statusCode()).isEqualTo(200);
    assertThat(withCredential.body()).contains("\"calls\"");
    assertThat(without.statusCode()).isEqualTo(401);
  }

  private void connectThroughConsent(Browser browser) {
    HttpResponse<String> consent = browser.get("/settings/quickbooks/connect");
    Map<String, String> form = hidden(consent.body());
    form.put("realmId", SandboxAccounts.QUICKBOOKS_REALM_ID);
    form.put("action", "connect");
    assertThat(browser.postForm("/sandbox/quickbooks/connect/oauth2", form).body())
        .contains("QuickBooks connected.");
  }

  private WorkspaceId defaultWorkspace() {
    return workspaces.bySlug(Workspaces.DEFAULT_SLUG).orElseThrow().id();
  }

  private String sandboxToken() {
    return accounts.ensure(defaultWorkspace()).quickBooksAccessToken();
  }

  private HttpResponse<String> control(String method, String path, String bearer) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/sandbox/quickbooks/_control" + path))
              .header("Authorization", "Bearer " + bearer)
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_callback_whose_state_is_not_this_sessions_is_refused() {
    Browser browser = new Browser("http://localhost:" + port);
    browser.login("admin", SandboxApp.password(DATA, "admin"));
    browser.get("/settings/quickbooks/connect");

    HttpResponse<String> forged =
        browser.get(
            "/settings/quickbooks/callback?code=AB11forged&state=forged&realmId="
                + SandboxAccounts.QUICKBOOKS_REALM_ID);

    assertThat(forged.body()).contains("did not match this session");
    assertThat(jdbc.sql("select count(*) from quickbooks_token").query(Long.class).single())
        .isZero();
  }

  private OAuthTokens currentTokens() {
    var workspace =
        jdbc.sql("select workspace_id from quickbooks_token").query(String.class).single();
    return connector
        .store(new dev.invoicebridge.workspace.WorkspaceId(workspace))
        .load(new dev.invoicebridge.quickbooks.RealmId(SandboxAccounts.QUICKBOOKS_REALM_ID))
        .orElseThrow()
        .tokens();
  }

  private static Map<String, String> hidden(String page) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(page);
    while (m.find()) {
      fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\""));
    }
    return fields;
  }

  /** A browser: cookies kept, redirects followed, every answer remembered for leak checks. */
  static final class Browser {
    private final String base;
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final StringBuilder seen = new StringBuilder();

    Browser(String base) {
      this.base = base;
    }

    void login(String username, String password) {
      Matcher csrf = CSRF.matcher(get("/login").body());
      assertThat(csrf.find()).isTrue();
      postForm(
          "/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
      String body =
          fields.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String everything() {
      return seen.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        seen.append(r.uri()).append('\n').append(r.headers().map()).append('\n').append(r.body());
        return r;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
