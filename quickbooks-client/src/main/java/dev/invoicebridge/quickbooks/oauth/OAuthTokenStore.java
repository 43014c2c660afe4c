package dev.invoicebridge.quickbooks.oauth;

import dev.invoicebridge.quickbooks.RealmId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a connection's tokens live, shared by every instance of the service. Compare-and-swap on a
 * version is all the coordination the refresh needs: the newest refresh token is always persisted
 * atomically, and at most one instance refreshes at a time.
 */
public interface OAuthTokenStore {
  /** The current row for the realm, if connected. */
  Optional<StoredTokens> load(RealmId realm);

  /**
   * Replaces the realm's row with {@code tokens} and {@code refreshLeaseUntil} (null: no lease)
   * only if its version is still {@code expectedVersion}; the new version is {@code expectedVersion
   * + 1}, and the row is usable (any reconnect-required mark is cleared). {@code expectedVersion} 0
   * inserts and fails if a row exists.
   *
   * @return whether the row was written
   */
  boolean compareAndSet(long expectedVersion, OAuthTokens tokens, Instant refreshLeaseUntil);

  /**
   * Marks the realm's connection dead since {@code since} (Intuit refused its refresh token for
   * good), clearing any lease, only if its version is still {@code expectedVersion}; the version
   * becomes {@code expectedVersion + 1}. Only a reconnect ({@link #compareAndSet}) revives it.
   *
   * @return whether the row was written
   */
  boolean markReconnectRequired(RealmId realm, long expectedVersion, Instant since);

  /** Forgets the realm's tokens (disconnect). */
  void delete(RealmId realm);
}
