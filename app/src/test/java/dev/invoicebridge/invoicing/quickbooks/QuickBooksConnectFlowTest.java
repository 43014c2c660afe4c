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
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.OwnSandboxAppTest;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin connects QuickBooks end to end over HTTP in sandbox mode: Settings → the emulator's
 * consent page → callback with a session-bound state → connected; Disconnect revokes. A service of
 * its own: it connects the workspace's QuickBooks and expires every token at the emulator.
 */
class QuickBooksConnectFlowTest extends OwnSandboxAppTest {
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern HIDDEN =
      Pattern.compile("type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");

  @Autowired QuickBooksConnector connector;
  @Autowired JdbcClient jdbc;
  @Autowired Connections connections;
  @Autowired SandboxAccounts accounts;
  @Autowired Workspaces workspaces;

  @Test
  void an_admin_connects_through_the_consent_page_and_disconnect_revokes() {
    Http browser = logIn("admin");
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
    assertThat(browser.everythingSeen())
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
    Http browser = logIn("admin");
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

  private void connectThroughConsent(Http browser) {
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
    String url = "/sandbox/quickbooks/_control" + path;
    String[] auth = {"Authorization", "Bearer " + bearer};
    return method.equals("GET") ? http.get(url, auth) : http.postJson(url, "", auth);
  }

  @Test
  void a_callback_whose_state_is_not_this_sessions_is_refused() {
    Http browser = logIn("admin");
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
}
