package dev.invoicebridge.sandbox.quickbooks;

import java.time.Duration;
import java.util.Objects;

/**
 * The emulated app registration and Intuit's limits.
 *
 * @param clientId the app's OAuth client id
 * @param clientSecret the app's OAuth client secret
 * @param verifierToken the key webhooks are signed with
 * @param lifetimes how long issued tokens live
 * @param limits throttling per realm
 */
public record SandboxSettings(
    String clientId,
    String clientSecret,
    String verifierToken,
    TokenLifetimes lifetimes,
    Limits limits) {
  public SandboxSettings {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(verifierToken, "verifierToken");
    Objects.requireNonNull(lifetimes, "lifetimes");
    Objects.requireNonNull(limits, "limits");
  }

  /** Intuit's lifetimes: 1 h access, 100 days rolling refresh, 5 years hard cap. */
  public record TokenLifetimes(Duration accessToken, Duration refreshToken, Duration hardCap) {
    public TokenLifetimes {
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(refreshToken, "refreshToken");
      Objects.requireNonNull(hardCap, "hardCap");
    }

    public static TokenLifetimes intuit() {
      return new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(101), Duration.ofDays(1826));
    }
  }

  /** Intuit's per-realm throttling: requests per minute and requests in flight. */
  public record Limits(int requestsPerMinute, int concurrent) {
    public Limits {
      if (requestsPerMinute < 1 || concurrent < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }

    public static Limits intuit() {
      return new Limits(500, 10);
    }
  }

  /** Intuit's lifetimes and limits with the given app credentials. */
  public static SandboxSettings of(String clientId, String clientSecret, String verifierToken) {
    return new SandboxSettings(
        clientId, clientSecret, verifierToken, TokenLifetimes.intuit(), Limits.intuit());
  }

  public SandboxSettings withLifetimes(TokenLifetimes l) {
    return new SandboxSettings(clientId, clientSecret, verifierToken, l, limits);
  }

  public SandboxSettings withLimits(Limits l) {
    return new SandboxSettings(clientId, clientSecret, verifierToken, lifetimes, l);
  }

  @Override
  public String toString() {
    return "SandboxSettings[clientId=" + clientId + ", secrets=redacted]";
  }
}
