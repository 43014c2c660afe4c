package dev.invoicebridge.quickbooks.oauth;

import dev.invoicebridge.quickbooks.RealmId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OAuthTokenStore} in a map: for tests and single-instance tools. */
public final class InMemoryOAuthTokenStore implements OAuthTokenStore {
  private final Map<RealmId, StoredTokens> rows = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredTokens> load(RealmId realm) {
    return Optional.ofNullable(rows.get(realm));
  }

  @Override
  public boolean compareAndSet(long expectedVersion, OAuthTokens tokens, Instant leaseUntil) {
    boolean[] written = {false};
    rows.compute(
        tokens.realmId(),
        (realm, current) -> {
          long version = current == null ? 0 : current.version();
          if (version != expectedVersion) {
            return current;
          }
          written[0] = true;
          return new StoredTokens(version + 1, tokens, leaseUntil);
        });
    return written[0];
  }

  @Override
  public boolean markReconnectRequired(RealmId realm, long expectedVersion, Instant since) {
    boolean[] written = {false};
    rows.computeIfPresent(
        realm,
        (r, current) -> {
          if (current.version() != expectedVersion) {
            return current;
          }
          written[0] = true;
          return new StoredTokens(expectedVersion + 1, current.tokens(), null, since);
        });
    return written[0];
  }

  @Override
  public void delete(RealmId realm) {
    rows.remove(realm);
  }
}
