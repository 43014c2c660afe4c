package dev.invoicebridge.quickbooks.oauth;

import dev.invoicebridge.quickbooks.RealmId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One connection's token pair. Tokens never appear in {@link #toString()}.
 *
 * @param refreshTokenExpiresAt the rolling expiry (about 100 days, extended by each refresh)
 * @param refreshTokenHardExpiresAt Intuit's five-year cap, null when not reported; after it the
 *     admin must reconnect whatever the rolling expiry says
 */
public record OAuthTokens(
    RealmId realmId,
    String accessToken,
    Instant accessTokenExpiresAt,
    String refreshToken,
    Instant refreshTokenExpiresAt,
    Instant refreshTokenHardExpiresAt) {
  public OAuthTokens {
    Objects.requireNonNull(realmId, "realmId");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
  }

  /** Whether the access token is still good {@code margin} from {@code now}. */
  public boolean accessTokenValid(Instant now, Duration margin) {
    return now.plus(margin).isBefore(accessTokenExpiresAt);
  }

  /** Whether the refresh token can still be used at {@code now}. */
  public boolean refreshTokenValid(Instant now) {
    return now.isBefore(refreshTokenExpiresAt)
        && (refreshTokenHardExpiresAt == null || now.isBefore(refreshTokenHardExpiresAt));
  }

  @Override
  public String toString() {
    return "OAuthTokens[realmId="
        + realmId
        + ", accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", refreshTokenExpiresAt="
        + refreshTokenExpiresAt
        + ", refreshTokenHardExpiresAt="
        + refreshTokenHardExpiresAt
        + ", tokens=redacted]";
  }
}
