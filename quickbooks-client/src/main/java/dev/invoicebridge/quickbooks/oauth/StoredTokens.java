package dev.invoicebridge.quickbooks.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * A token store's row: the tokens, the version compare-and-swap checks, and the refresh lease.
 *
 * @param version increases by one on every successful {@link OAuthTokenStore#compareAndSet}
 * @param refreshLeaseUntil while in the future, one instance is refreshing and the others wait;
 *     null when nobody is
 */
public record StoredTokens(long version, OAuthTokens tokens, Instant refreshLeaseUntil) {
  public StoredTokens {
    Objects.requireNonNull(tokens, "tokens");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
  }

  boolean leasedAt(Instant now) {
    return refreshLeaseUntil != null && refreshLeaseUntil.isAfter(now);
  }
}
