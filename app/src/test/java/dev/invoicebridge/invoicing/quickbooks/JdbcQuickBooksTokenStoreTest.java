package dev.invoicebridge.invoicing.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.quickbooks.HttpQuickBooksClient;
import dev.invoicebridge.quickbooks.QuickBooksClientOptions;
import dev.invoicebridge.quickbooks.QuickBooksException;
import dev.invoicebridge.quickbooks.RealmId;
import dev.invoicebridge.quickbooks.oauth.OAuthApp;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.QuickBooksEndpoints;
import dev.invoicebridge.quickbooks.oauth.QuickBooksOAuthClient;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.quickbooks.oauth.StoredTokens;
import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.quickbooks.QuickBooksSandbox;
import dev.invoicebridge.sandbox.quickbooks.QuickBooksSandboxServlet;
import dev.invoicebridge.sandbox.quickbooks.SandboxSettings;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.support.TestProperties;
import dev.invoicebridge.vault.MasterKeyring;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcQuickBooksTokenStoreTest {
  static final String REALM = "9130355566772211";
  static final OAuthApp APP =
      new OAuthApp("ABtestclient", "test-secret", URI.create("https://ib.example/callback"));

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T17:00:00Z"));
  @TempDir Path dataDir;
  QuickBooksSandbox sandbox;
  SandboxServer server;
  QuickBooksOAuthClient oauth;

  @BeforeEach
  void start() {
    sandbox =
        new QuickBooksSandbox(SandboxSettings.of(APP.clientId(), APP.clientSecret(), "v"), clock);
    sandbox.addCompany(REALM, "Sandbox Company US 1");
    sandbox.registerRedirectUri(APP.redirectUri());
    server = SandboxServer.start(0, Map.of("quickbooks", new QuickBooksSandboxServlet(sandbox)));
    oauth =
        new QuickBooksOAuthClient(
            APP, QuickBooksEndpoints.emulator(server.baseUri("quickbooks")), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** One service instance's view of the shared database. */
  JdbcQuickBooksTokenStore instance(DataSource db, WorkspaceId workspace) {
    JdbcClient jdbc = JdbcClient.create(db);
    SecretVault vault =
        new SecretVault(jdbc, new MasterKeyring(TestProperties.defaults(dataDir)), clock);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
    return new JdbcQuickBooksTokenStore(
        workspace, new JdbcQuickBooksTokenStore.Storage(jdbc, vault, tx, clock));
  }

  OAuthTokens connect() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String form =
          "client_id="
              + APP.clientId()
              + "&redirect_uri="
              + APP.redirectUri()
              + "&state=s&realmId="
              + REALM
              + "&action=connect";
      HttpResponse<String> redirect =
          http.send(
              HttpRequest.newBuilder(URI.create(server.baseUri("quickbooks") + "/connect/oauth2"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String query =
          URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery();
      String code =
          URLDecoder.decode(query.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
      return oauth.exchangeCode(code, new RealmId(REALM));
    }
  }

  @Test
  void two_instances_on_one_database_refresh_once_under_twenty_concurrent_callers()
      throws Exception {
    DataSource db = TestDatabases.migrated(TestDatabases.Kind.POSTGRES);
    WorkspaceId ws = new Workspaces(JdbcClient.create(db), clock).ensureDefault("Test").id();
    JdbcQuickBooksTokenStore storeA = instance(db, ws);
    JdbcQuickBooksTokenStore storeB = instance(db, ws);
    QuickBooksTokens.connect(storeA, connect());
    RealmId realm = new RealmId(REALM);
    QuickBooksClientOptions options =
        QuickBooksClientOptions.defaults().withClock(clock).withBackoff(Duration.ofMillis(5));
    List<HttpQuickBooksClient> clients =
        List.of(
            new HttpQuickBooksClient(
                server.baseUri("quickbooks"),
                realm,
                new QuickBooksTokens(oauth, storeA, realm, clock),
                options),
            new HttpQuickBooksClient(
                server.baseUri("quickbooks"),
                realm,
                new QuickBooksTokens(oauth, storeB, realm, clock),
                options));
    clock.advance(Duration.ofMinutes(61));

    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> names = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        HttpQuickBooksClient client = clients.get(i % 2);
        names.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.companyInfo().companyName();
                }));
      }
      go.countDown();
      for (Future<String> name : names) {
        assertThat(name.get(30, TimeUnit.SECONDS)).isEqualTo("Sandbox Company US 1");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(sandbox.refreshGrants()).isEqualTo(1);
    assertThat(storeA.load(realm)).isEqualTo(storeB.load(realm));
    assertThat(storeA.load(realm).orElseThrow().refreshLeaseUntil()).isNull();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_write_based_on_a_stale_version_does_not_land(TestDatabases.Kind kind) throws Exception {
    DataSource db = TestDatabases.migrated(kind);
    WorkspaceId ws = new Workspaces(JdbcClient.create(db), clock).ensureDefault("Test").id();
    JdbcQuickBooksTokenStore store = instance(db, ws);
    OAuthTokens first = connect();
    OAuthTokens second = oauth.refresh(first);

    assertThat(store.compareAndSet(0, first, null)).isTrue();
    assertThat(store.compareAndSet(0, first, null)).as("insert twice").isFalse();
    assertThat(store.compareAndSet(1, second, null)).isTrue();
    assertThat(store.compareAndSet(1, first, null)).as("stale version").isFalse();

    assertThat(store.load(first.realmId()).orElseThrow().version()).isEqualTo(2);
    assertThat(store.load(first.realmId()).orElseThrow().tokens().refreshToken())
        .isEqualTo(second.refreshToken());
    assertThat(store.realm()).contains(first.realmId());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_refused_connection_is_marked_for_every_instance_until_a_reconnect(TestDatabases.Kind kind)
      throws Exception {
    DataSource db = TestDatabases.migrated(kind);
    WorkspaceId ws = new Workspaces(JdbcClient.create(db), clock).ensureDefault("Test").id();
    JdbcQuickBooksTokenStore storeA = instance(db, ws);
    JdbcQuickBooksTokenStore storeB = instance(db, ws);
    OAuthTokens first = connect();
    QuickBooksTokens.connect(storeA, first);
    RealmId realm = new RealmId(REALM);
    QuickBooksTokens instanceA = new QuickBooksTokens(oauth, storeA, realm, clock);
    QuickBooksTokens instanceB = new QuickBooksTokens(oauth, storeB, realm, clock);
    oauth.revoke(first.refreshToken());
    clock.advance(Duration.ofMinutes(61));

    assertThatThrownBy(instanceA::accessToken)
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
    long version = storeB.load(realm).orElseThrow().version();
    assertThatThrownBy(instanceB::accessToken)
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);

    StoredTokens row = storeB.load(realm).orElseThrow();
    assertThat(row.reconnectRequiredSince()).isEqualTo(clock.instant());
    assertThat(row.refreshLeaseUntil()).isNull();
    assertThat(row.version()).as("B took no lease: it never tried to refresh").isEqualTo(version);
    assertThat(storeA.markReconnectRequired(realm, version - 1, clock.instant()))
        .as("a stale version does not land")
        .isFalse();

    QuickBooksTokens.connect(storeA, connect());
    assertThat(instanceB.reconnectRequiredSince()).isEmpty();
    assertThat(instanceB.accessToken()).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void tokens_are_sealed_in_the_vault_and_gone_after_delete(TestDatabases.Kind kind)
      throws Exception {
    DataSource db = TestDatabases.migrated(kind);
    JdbcClient jdbc = JdbcClient.create(db);
    WorkspaceId ws = new Workspaces(jdbc, clock).ensureDefault("Test").id();
    JdbcQuickBooksTokenStore store = instance(db, ws);
    OAuthTokens tokens = connect();
    QuickBooksTokens.connect(store, tokens);

    List<String> stored =
        jdbc.sql("select ciphertext from vault_secret").query(String.class).list();
    assertThat(String.join(" ", stored))
        .doesNotContain(tokens.refreshToken())
        .doesNotContain(tokens.accessToken());

    store.delete(tokens.realmId());
    assertThat(store.load(tokens.realmId())).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from vault_secret where name = 'quickbooks.oauth_tokens'")
                .query(Long.class)
                .single())
        .isZero();
  }
}
