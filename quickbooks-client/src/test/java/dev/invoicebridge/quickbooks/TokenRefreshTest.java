package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.OAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.quickbooks.oauth.StoredTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenRefreshTest {
  QuickBooksSandboxFixture qbo;

  @BeforeEach
  void start() {
    qbo = new QuickBooksSandboxFixture();
  }

  @AfterEach
  void stop() {
    qbo.close();
  }

  @Test
  void twenty_concurrent_callers_with_an_expired_token_cause_exactly_one_refresh()
      throws Exception {
    QuickBooksTokens tokens = qbo.connectedTokens(new InMemoryOAuthTokenStore());
    HttpQuickBooksClient client = qbo.client(tokens);
    qbo.clock.advance(Duration.ofMinutes(61));

    List<String> names = concurrently(20, () -> client.companyInfo().companyName());

    assertThat(names).hasSize(20).containsOnly("Sandbox Company US 1");
    assertThat(qbo.refreshGrants()).isEqualTo(1);
  }

  @Test
  void two_instances_sharing_the_token_store_refresh_once() throws Exception {
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    QuickBooksTokens instanceA = qbo.connectedTokens(store);
    QuickBooksTokens instanceB =
        new QuickBooksTokens(
            qbo.oauth, store, new RealmId(QuickBooksSandboxFixture.REALM), qbo.clock);
    HttpQuickBooksClient clientA = qbo.client(instanceA);
    HttpQuickBooksClient clientB = qbo.client(instanceB);
    qbo.clock.advance(Duration.ofMinutes(61));

    List<String> names = concurrently(20, new Alternating(clientA, clientB));

    assertThat(names).hasSize(20);
    assertThat(qbo.refreshGrants()).isEqualTo(1);
    assertThat(instanceA.current()).isEqualTo(instanceB.current());
  }

  @Test
  void an_access_token_the_api_rejects_is_refreshed_transparently() {
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    QuickBooksTokens tokens = qbo.connectedTokens(store);
    HttpQuickBooksClient client = qbo.client(tokens);
    String before = tokens.current().orElseThrow().accessToken();
    qbo.control("POST", "/oauth/expire-access-tokens", "{}");

    assertThat(client.companyInfo().companyName()).isEqualTo("Sandbox Company US 1");
    assertThat(qbo.refreshGrants()).isEqualTo(1);
    assertThat(tokens.current().orElseThrow().accessToken()).isNotEqualTo(before);
  }

  @Test
  void the_newest_refresh_token_is_always_what_the_store_holds() {
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    QuickBooksTokens tokens = qbo.connectedTokens(store);
    HttpQuickBooksClient client = qbo.client(tokens);
    OAuthTokens first = tokens.current().orElseThrow();

    for (int hour = 0; hour < 3; hour++) {
      qbo.clock.advance(Duration.ofMinutes(61));
      client.companyInfo();
    }

    assertThat(qbo.refreshGrants()).isEqualTo(3);
    assertThat(store.load(first.realmId()).orElseThrow().version()).isEqualTo(7);
    assertThatThrownBy(() -> qbo.oauth.refresh(first))
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
  }

  @Test
  void a_revoked_connection_surfaces_as_reconnect_required_after_rereading_the_store() {
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    QuickBooksTokens tokens = qbo.connectedTokens(store);
    qbo.oauth.revoke(tokens.current().orElseThrow().refreshToken());
    qbo.clock.advance(Duration.ofMinutes(61));

    assertThatThrownBy(() -> qbo.client(tokens).companyInfo())
        .isInstanceOf(QuickBooksException.ReconnectRequired.class)
        .hasMessageNotContaining(tokens.current().orElseThrow().refreshToken());
    assertThat(
            store
                .load(new RealmId(QuickBooksSandboxFixture.REALM))
                .orElseThrow()
                .refreshLeaseUntil())
        .as("the lease is released")
        .isNull();
  }

  @Test
  void an_instance_whose_lease_ran_out_adopts_the_token_another_instance_rotated_meanwhile() {
    InMemoryOAuthTokenStore shared = new InMemoryOAuthTokenStore();
    QuickBooksTokens.connect(shared, qbo.connect());
    RealmId realm = new RealmId(QuickBooksSandboxFixture.REALM);
    SlowInstance storeOfA = new SlowInstance(shared);
    QuickBooksTokens instanceA = new QuickBooksTokens(qbo.oauth, storeOfA, realm, qbo.clock);
    QuickBooksTokens instanceB = new QuickBooksTokens(qbo.oauth, shared, realm, qbo.clock);
    qbo.clock.advance(Duration.ofMinutes(61));
    String[] fromB = new String[1];
    // A takes the refresh lease; before its call reaches Intuit the lease runs out and B,
    // seeing it expired, refreshes with the same refresh token and stores the rotated pair.
    storeOfA.afterLease(
        () -> {
          qbo.clock.advance(Duration.ofSeconds(31));
          fromB[0] = instanceB.accessToken();
        });

    String fromA = instanceA.accessToken();

    assertThat(fromA).isEqualTo(fromB[0]);
    assertThat(qbo.refreshGrants()).as("only B's refresh succeeded").isEqualTo(1);
    assertThat(qbo.control("GET", "/oauth", null).path("refreshRefusals").asInt())
        .as("A's refresh was refused with invalid_grant")
        .isEqualTo(1);
    assertThat(shared.load(realm).orElseThrow().reconnectRequired()).isFalse();
    assertThat(qbo.client(instanceA).companyInfo().companyName()).isEqualTo("Sandbox Company US 1");
  }

  @Test
  void a_refused_refresh_token_marks_the_connection_dead_and_nothing_is_sent_until_a_reconnect() {
    InMemoryOAuthTokenStore store = new InMemoryOAuthTokenStore();
    QuickBooksTokens tokens = qbo.connectedTokens(store);
    HttpQuickBooksClient client = qbo.client(tokens);
    qbo.oauth.revoke(tokens.current().orElseThrow().refreshToken());
    qbo.clock.advance(Duration.ofMinutes(61));
    assertThatThrownBy(client::companyInfo)
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
    assertThat(tokens.reconnectRequiredSince()).contains(qbo.clock.instant());
    int apiCalls = qbo.sandbox.calls().calls().size();
    int refusals = qbo.control("GET", "/oauth", null).path("refreshRefusals").asInt();

    assertThatThrownBy(client::companyInfo)
        .isInstanceOf(QuickBooksException.ReconnectRequired.class);
    assertThat(qbo.sandbox.calls().calls()).as("no API call with a dead token").hasSize(apiCalls);
    assertThat(qbo.control("GET", "/oauth", null).path("refreshRefusals").asInt())
        .as("no second refresh with the dead refresh token")
        .isEqualTo(refusals);

    QuickBooksTokens.connect(store, qbo.connect());
    assertThat(client.companyInfo().companyName()).isEqualTo("Sandbox Company US 1");
    assertThat(tokens.reconnectRequiredSince()).isEmpty();
  }

  /** Instance A's handle on the shared store: runs something right after A takes its lease. */
  private static final class SlowInstance implements OAuthTokenStore {
    private final OAuthTokenStore shared;
    private Runnable afterLease;

    SlowInstance(OAuthTokenStore shared) {
      this.shared = shared;
    }

    void afterLease(Runnable meanwhile) {
      this.afterLease = meanwhile;
    }

    @Override
    public Optional<StoredTokens> load(RealmId realm) {
      return shared.load(realm);
    }

    @Override
    public boolean compareAndSet(long expectedVersion, OAuthTokens tokens, Instant leaseUntil) {
      boolean written = shared.compareAndSet(expectedVersion, tokens, leaseUntil);
      if (written && leaseUntil != null && afterLease != null) {
        Runnable meanwhile = afterLease;
        afterLease = null;
        meanwhile.run();
      }
      return written;
    }

    @Override
    public boolean markReconnectRequired(RealmId realm, long expectedVersion, Instant since) {
      return shared.markReconnectRequired(realm, expectedVersion, since);
    }

    @Override
    public void delete(RealmId realm) {
      shared.delete(realm);
    }
  }

  private record Alternating(HttpQuickBooksClient a, HttpQuickBooksClient b)
      implements Callable<String> {
    private static final java.util.concurrent.atomic.AtomicInteger N =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String call() {
      return (N.incrementAndGet() % 2 == 0 ? a : b).companyInfo().companyName();
    }
  }

  static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
