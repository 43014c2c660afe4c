package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.QuickBooksEndpoints;
import dev.invoicebridge.quickbooks.oauth.QuickBooksEnvironment;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.quickbooks.oauth.UserInfo;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuickBooksOAuthTest {
  static QuickBooksSandboxFixture qbo;

  @BeforeAll
  static void start() {
    qbo = new QuickBooksSandboxFixture();
  }

  @AfterAll
  static void stop() {
    qbo.close();
  }

  @Test
  void the_consent_page_redirects_with_code_state_and_the_chosen_company() {
    Map<String, String> callback = qbo.consent("csrf-42", QuickBooksSandboxFixture.OTHER_REALM);

    assertThat(callback).containsEntry("state", "csrf-42");
    assertThat(callback).containsEntry("realmId", QuickBooksSandboxFixture.OTHER_REALM);
    assertThat(callback.get("code")).isNotBlank();
  }

  @Test
  void a_connected_company_answers_with_its_own_name() {
    Map<String, String> callback = qbo.consent("s", QuickBooksSandboxFixture.OTHER_REALM);
    OAuthTokens tokens =
        qbo.oauth.exchangeCode(callback.get("code"), new RealmId(callback.get("realmId")));
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    QuickBooksTokens.connect(store, tokens);
    HttpQuickBooksClient client =
        new HttpQuickBooksClient(
            qbo.endpoints.api(),
            tokens.realmId(),
            new QuickBooksTokens(qbo.oauth, store, tokens.realmId(), qbo.clock),
            qbo.options());

    assertThat(client.companyInfo().companyName()).isEqualTo("Sandbox Company US 2");
  }

  @Test
  void an_authorization_code_works_once() {
    Map<String, String> callback = qbo.consent("s", QuickBooksSandboxFixture.REALM);
    RealmId realm = new RealmId(callback.get("realmId"));
    qbo.oauth.exchangeCode(callback.get("code"), realm);

    assertThatThrownBy(() -> qbo.oauth.exchangeCode(callback.get("code"), realm))
        .isInstanceOf(QuickBooksException.ReconnectRequired.class)
        .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("invalid_grant"))
        .satisfies(e -> assertThat(((QuickBooksException) e).intuitTid()).isNotBlank());
  }

  @Test
  void a_refresh_rotates_the_refresh_token_and_the_old_one_is_rejected() {
    OAuthTokens first = qbo.connect();
    OAuthTokens second = qbo.oauth.refresh(first);

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
    assertThatThrownBy(() -> qbo.oauth.refresh(first))
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
  }

  @Test
  void the_refresh_tokens_hard_expiry_is_surfaced_and_kept_across_refreshes() {
    OAuthTokens tokens = qbo.connect();

    assertThat(tokens.refreshTokenHardExpiresAt())
        .isAfter(qbo.clock.instant().plus(Duration.ofDays(1800)));
    assertThat(tokens.accessTokenExpiresAt())
        .isEqualTo(qbo.clock.instant().plus(Duration.ofHours(1)));
    assertThat(qbo.oauth.refresh(tokens).refreshTokenHardExpiresAt()).isNotNull();
    assertThat(tokens.toString()).doesNotContain(tokens.accessToken(), tokens.refreshToken());
  }

  @Test
  void an_expired_refresh_token_asks_for_a_reconnect_without_calling_intuit() {
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    OAuthTokens tokens = qbo.connect();
    QuickBooksTokens.connect(
        store,
        new OAuthTokens(
            tokens.realmId(),
            tokens.accessToken(),
            qbo.clock.instant().minusSeconds(1),
            tokens.refreshToken(),
            qbo.clock.instant().minusSeconds(1),
            tokens.refreshTokenHardExpiresAt()));
    int before = qbo.refreshGrants();

    assertThatThrownBy(
            () -> new QuickBooksTokens(qbo.oauth, store, tokens.realmId(), qbo.clock).accessToken())
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
    assertThat(qbo.refreshGrants()).isEqualTo(before);
  }

  @Test
  void a_refresh_token_past_its_lifetime_is_refused_by_the_token_endpoint_itself() {
    qbo.control("POST", "/oauth/lifetimes", "{\"refreshTokenSeconds\":3600}");
    try {
      OAuthTokens tokens = qbo.connect();
      qbo.clock.advance(Duration.ofHours(1));

      // Straight to Intuit's endpoint, past QuickBooksTokens' own expiry check.
      assertThatThrownBy(() -> qbo.oauth.refresh(tokens))
          .isInstanceOf(QuickBooksException.ReconnectRequired.class)
          .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("invalid_grant"));
    } finally {
      qbo.control("POST", "/oauth/lifetimes", "{\"refreshTokenSeconds\":8726400}");
    }
  }

  @Test
  void userinfo_describes_the_connecting_user() {
    UserInfo user = qbo.oauth.userInfo(qbo.connect().accessToken());

    assertThat(user.email()).isEqualTo("admin@sandbox.invoicebridge.dev");
    assertThat(user.emailVerified()).isTrue();
    assertThat(user.subject()).isNotBlank();
  }

  @Test
  void disconnect_revokes_so_the_api_and_the_refresh_token_stop_working() {
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    QuickBooksTokens tokens = qbo.connectedTokens(store);
    OAuthTokens before = tokens.current().orElseThrow();
    HttpQuickBooksClient client = qbo.client(tokens);
    client.companyInfo();

    tokens.disconnect();

    assertThat(store.load(before.realmId())).isEmpty();
    assertThatThrownBy(() -> qbo.oauth.refresh(before))
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
    assertThatThrownBy(() -> qbo.client(AccessTokenSource.fixed(before::accessToken)).companyInfo())
        .isInstanceOf(QuickBooksException.Unauthorized.class)
        .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("3200"));
  }

  @Test
  void the_authorize_url_carries_client_scope_redirect_and_state() {
    String url = qbo.oauth.authorizationUrl("st-1").toString();

    assertThat(url).startsWith(qbo.endpoints.authorize().toString());
    assertThat(url)
        .contains("client_id=" + QuickBooksSandboxFixture.CLIENT_ID)
        .contains("response_type=code")
        .contains("scope=com.intuit.quickbooks.accounting%20openid")
        .contains("state=st-1");
  }

  @Test
  void environments_select_intuits_published_hosts() {
    assertThat(QuickBooksEndpoints.of(QuickBooksEnvironment.SANDBOX).api())
        .hasToString("https://sandbox-quickbooks.api.intuit.com");
    assertThat(QuickBooksEndpoints.of(QuickBooksEnvironment.PRODUCTION).api())
        .hasToString("https://quickbooks.api.intuit.com");
    assertThat(QuickBooksEndpoints.of(QuickBooksEnvironment.SANDBOX).userInfo().getHost())
        .isEqualTo("sandbox-accounts.platform.intuit.com");
  }
}
