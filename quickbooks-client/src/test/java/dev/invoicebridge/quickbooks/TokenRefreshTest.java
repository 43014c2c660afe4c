package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
