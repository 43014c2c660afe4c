package dev.invoicebridge.quickbooks.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * A token store's row: the tokens, the version compare-and-swap checks, the refresh lease and
 * whether Intuit has given up on the connection.
 *
 * @param version increases by one on every successful write
 * @param refreshLeaseUntil while in the future, one instance is refreshing and the others wait;
 *     null when nobody is
 * @param reconnectRequiredSince when Intuit refused the refresh token for good ({@code
 *     invalid_grant}, or it expired); null while the connection works. Until an admin reconnects,
 *     no token of this row is sent anywhere.
 */
public record StoredTokens(
    long version, OAuthTokens tokens, Instant refreshLeaseUntil, Instant reconnectRequiredSince) {
  public StoredTokens {
    Objects.requireNonNull(tokens, "tokens");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
  }

  /** A live row: no refresh lease, connection usable. */
  public StoredTokens(long version, OAuthTokens tokens, Instant refreshLeaseUntil) {
    this(version, tokens, refreshLeaseUntil, null);
  }

  public boolean reconnectRequired() {
    return reconnectRequiredSince != null;
  }

  boolean leasedAt(Instant now) {
    return refreshLeaseUntil != null && refreshLeaseUntil.isAfter(now);
  }
}
