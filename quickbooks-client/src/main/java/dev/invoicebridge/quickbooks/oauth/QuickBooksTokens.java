package dev.invoicebridge.quickbooks.oauth;

import dev.invoicebridge.quickbooks.AccessTokenSource;
import dev.invoicebridge.quickbooks.QuickBooksErrors;
import dev.invoicebridge.quickbooks.QuickBooksException;
import dev.invoicebridge.quickbooks.RealmId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for one company, refreshed single-flight: threads of this instance queue on a lock,
 * and instances coordinate through a refresh lease written by compare-and-swap in the shared {@link
 * OAuthTokenStore}. The newest refresh token is always what the store holds.
 */
public final class QuickBooksTokens implements AccessTokenSource {
  private static final Logger log = LoggerFactory.getLogger(QuickBooksTokens.class);

  /** Refresh a minute early so a token never expires between check and use. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  /** Longer than a token call can take (20 s timeout), so a live lease is never overtaken. */
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static final Duration MAX_WAIT = Duration.ofSeconds(45);

  private final QuickBooksOAuthClient oauth;
  private final OAuthTokenStore store;
  private final RealmId realm;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();

  public QuickBooksTokens(
      QuickBooksOAuthClient oauth, OAuthTokenStore store, RealmId realm, Clock clock) {
    this.oauth = Objects.requireNonNull(oauth, "oauth");
    this.store = Objects.requireNonNull(store, "store");
    this.realm = Objects.requireNonNull(realm, "realm");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Saves a new connection's tokens (from the OAuth callback), replacing any earlier ones. */
  public static void connect(OAuthTokenStore store, OAuthTokens tokens) {
    while (true) {
      long version = store.load(tokens.realmId()).map(StoredTokens::version).orElse(0L);
      if (store.compareAndSet(version, tokens, null)) {
        return;
      }
    }
  }

  /** Revokes the refresh token at Intuit (disconnecting the company) and forgets the tokens. */
  public void disconnect() {
    Optional<StoredTokens> row = store.load(realm);
    if (row.isPresent()) {
      try {
        oauth.revoke(row.get().tokens().refreshToken());
      } catch (QuickBooksException.ReconnectRequired alreadyDead) {
        log.info("QuickBooks refresh token for realm {} was already invalid", realm);
      }
    }
    store.delete(realm);
  }

  /** The stored tokens' expiries (the hard one included), for health banners. */
  public Optional<OAuthTokens> current() {
    return store.load(realm).map(StoredTokens::tokens);
  }

  /** When Intuit refused the connection for good, if it did: the admin must reconnect. */
  public Optional<Instant> reconnectRequiredSince() {
    return store.load(realm).map(StoredTokens::reconnectRequiredSince);
  }

  @Override
  public String accessToken() {
    return fresh(null);
  }

  @Override
  public String renewAfterRejection(String rejected) {
    return fresh(Objects.requireNonNull(rejected, "rejected"));
  }

  private String fresh(String rejected) {
    lock.lock();
    try {
      long deadline = System.nanoTime() + MAX_WAIT.toNanos();
      while (true) {
        StoredTokens row = store.load(realm).orElseThrow(() -> reconnect("not connected", null));
        if (row.reconnectRequired()) {
          // Dead until an admin reconnects: no token of this row is sent to Intuit again.
          throw reconnect("QuickBooks refused this connection; reconnect QuickBooks", null);
        }
        Instant now = clock.instant();
        OAuthTokens tokens = row.tokens();
        boolean usable =
            rejected == null
                ? tokens.accessTokenValid(now, EXPIRY_MARGIN)
                : !tokens.accessToken().equals(rejected)
                    && tokens.accessTokenValid(now, Duration.ZERO);
        if (usable) {
          return tokens.accessToken();
        }
        if (!tokens.refreshTokenValid(now)) {
          store.markReconnectRequired(realm, row.version(), now);
          throw reconnect("the refresh token expired; reconnect QuickBooks", null);
        }
        if (row.leasedAt(now)) {
          // Another instance is refreshing; its result appears in the store shortly.
          waitBriefly(deadline);
        } else if (store.compareAndSet(row.version(), tokens, now.plus(LEASE))) {
          return refreshUnderLease(row.version() + 1, tokens);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private String refreshUnderLease(long leasedVersion, OAuthTokens stale) {
    OAuthTokens fresh;
    try {
      fresh = oauth.refresh(stale);
    } catch (QuickBooksException.ReconnectRequired invalidGrant) {
      // Before declaring the connection dead: maybe another instance rotated the token meanwhile
      // (our lease ran out while the call was slow, and it took over).
      Optional<StoredTokens> now = store.load(realm);
      if (now.isPresent()
          && !now.get().reconnectRequired()
          && !now.get().tokens().refreshToken().equals(stale.refreshToken())) {
        return now.get().tokens().accessToken();
      }
      if (!"invalid_grant".equals(invalidGrant.code())) {
        // invalid_client: our app credentials are wrong, not the connection; keep it.
        store.compareAndSet(leasedVersion, stale, null);
        throw invalidGrant;
      }
      log.warn("QuickBooks refused the refresh token for realm {}; reconnect required", realm);
      store.markReconnectRequired(realm, leasedVersion, clock.instant());
      throw invalidGrant;
    } catch (RuntimeException e) {
      store.compareAndSet(leasedVersion, stale, null);
      throw e;
    }
    if (!store.compareAndSet(leasedVersion, fresh, null)) {
      // Our lease outlived LEASE and the row moved on; ours is still the newest rotation Intuit
      // issued (the old token can no longer be used by anyone), so it must be what is stored.
      log.warn(
          "QuickBooks refresh lease for realm {} was overtaken; storing the newest tokens", realm);
      connect(store, fresh);
    }
    return fresh.accessToken();
  }

  private static void waitBriefly(long deadline) {
    if (System.nanoTime() > deadline) {
      throw new QuickBooksException(
          0, null, "Timed out waiting for another instance to refresh QuickBooks", null, null);
    }
    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
  }

  private QuickBooksException reconnect(String message, Throwable cause) {
    return QuickBooksErrors.from(
        new QuickBooksErrors.Details(401, "invalid_grant", message, null, cause));
  }
}
