package dev.invoicebridge.sandbox.quickbooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Intuit's authorization server: codes, rotating refresh tokens, access tokens, revocation. A
 * refresh token is single-use (the emulator rotates on every refresh, stricter than Intuit's daily
 * rotation), so a client that reuses one gets {@code invalid_grant}.
 */
final class OAuthServer {
  private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  record Code(String realmId, String redirectUri, Set<String> scopes, Instant expiresAt) {}

  /** One connection (grant): every token issued from one authorization shares it. */
  record Grant(String id, String realmId, Set<String> scopes, Instant hardExpiresAt) {}

  record RefreshToken(Grant grant, Instant expiresAt, boolean used) {}

  record AccessToken(String realmId, String grantId, Instant expiresAt) {}

  private final SandboxSettings settings;
  private final Clock clock;
  private final IdTokens idTokens = new IdTokens();
  private final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
  private volatile SandboxSettings.TokenLifetimes lifetimes;
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Boolean> revokedGrants = new ConcurrentHashMap<>();
  private final AtomicInteger refreshGrants = new AtomicInteger();
  private final AtomicInteger codeGrants = new AtomicInteger();
  private final AtomicInteger refreshRefusals = new AtomicInteger();
  private volatile Supplier<String> preIssuedToken = () -> null;
  private volatile String preIssuedRealm;

  OAuthServer(SandboxSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.lifetimes = settings.lifetimes();
  }

  SandboxSettings.TokenLifetimes lifetimes() {
    return lifetimes;
  }

  void lifetimes(SandboxSettings.TokenLifetimes l) {
    this.lifetimes = Objects.requireNonNull(l, "lifetimes");
  }

  /** Intuit redirects only to registered https URIs; local http is allowed for development. */
  void registerRedirectUri(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
    if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
      throw new IllegalArgumentException("Redirect URIs must use https: " + uri);
    }
    redirectUris.add(uri.toString());
  }

  /** Exact match, as Intuit requires. */
  boolean registeredRedirect(String uri) {
    return uri != null && redirectUris.contains(uri);
  }

  IdTokens idTokens() {
    return idTokens;
  }

  /** A token issued outside OAuth (the service's sandbox mode): valid for one realm, no expiry. */
  void acceptPreIssued(Supplier<String> token, String realmId) {
    this.preIssuedToken = token;
    this.preIssuedRealm = realmId;
  }

  boolean clientAuthenticated(String authorizationHeader) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.clientId() + ":" + settings.clientSecret())
                        .getBytes(StandardCharsets.UTF_8));
    return expected.equals(authorizationHeader);
  }

  /**
   * Control endpoints take the app's client credentials, or in the service's sandbox mode the
   * pre-issued access token, the credential the service itself holds in its vault.
   */
  boolean controlAuthenticated(String authorizationHeader) {
    String preIssued = preIssuedToken.get();
    return clientAuthenticated(authorizationHeader)
        || (preIssued != null && ("Bearer " + preIssued).equals(authorizationHeader));
  }

  boolean knownClient(String clientId) {
    return settings.clientId().equals(clientId);
  }

  String issueCode(String realmId, String redirectUri, String scope) {
    String code = "AB11" + random(24);
    Set<String> scopes = Set.copyOf(Arrays.asList(scope.trim().split("\\s+")));
    codes.put(code, new Code(realmId, redirectUri, scopes, clock.instant().plus(CODE_LIFETIME)));
    return code;
  }

  /** The token response for a code, or empty for {@code invalid_grant}. */
  Optional<Map<String, Object>> exchange(String code, String redirectUri, boolean withHardExpiry) {
    Code c = code == null ? null : codes.remove(code);
    if (c == null
        || !clock.instant().isBefore(c.expiresAt())
        || !c.redirectUri().equals(redirectUri)) {
      return Optional.empty();
    }
    codeGrants.incrementAndGet();
    Grant grant =
        new Grant(random(12), c.realmId(), c.scopes(), clock.instant().plus(lifetimes.hardCap()));
    return Optional.of(issue(grant, withHardExpiry));
  }

  /**
   * Rotates a refresh token, or empty for {@code invalid_grant} (unknown, used, expired, revoked).
   */
  synchronized Optional<Map<String, Object>> refresh(String token, boolean withHardExpiry) {
    RefreshToken rt = token == null ? null : refreshTokens.get(token);
    Instant now = clock.instant();
    if (rt == null
        || rt.used()
        || revokedGrants.containsKey(rt.grant().id())
        || !now.isBefore(rt.expiresAt())
        || !now.isBefore(rt.grant().hardExpiresAt())) {
      refreshRefusals.incrementAndGet();
      return Optional.empty();
    }
    refreshTokens.put(token, new RefreshToken(rt.grant(), rt.expiresAt(), true));
    refreshGrants.incrementAndGet();
    return Optional.of(issue(rt.grant(), withHardExpiry));
  }

  /** Revokes the whole grant the token belongs to; unknown tokens are ignored as Intuit does. */
  void revoke(String token) {
    RefreshToken rt = refreshTokens.get(token);
    AccessToken at = accessTokens.get(token);
    String grant = rt != null ? rt.grant().id() : at != null ? at.grantId() : null;
    if (grant != null) {
      revokedGrants.put(grant, true);
      accessTokens.values().removeIf(a -> a.grantId().equals(grant));
    }
  }

  /** The realm an API call's bearer token may access, or empty (401). */
  Optional<String> realmFor(String bearer) {
    if (bearer == null) {
      return Optional.empty();
    }
    if (bearer.equals(preIssuedToken.get())) {
      return Optional.ofNullable(preIssuedRealm);
    }
    AccessToken at = accessTokens.get(bearer);
    if (at == null || !clock.instant().isBefore(at.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(at.realmId());
  }

  /** The OpenID subject of the user who authorized a grant. */
  static String subject(String grantId) {
    return "sandbox-user-" + grantId;
  }

  /** The grant id behind a live access token, for userinfo. */
  Optional<String> grantFor(String bearer) {
    AccessToken at = bearer == null ? null : accessTokens.get(bearer);
    return at == null || !clock.instant().isBefore(at.expiresAt())
        ? Optional.empty()
        : Optional.of(at.grantId());
  }

  /** Makes every issued access token expired now, as if an hour had passed for them. */
  void expireAccessTokens() {
    accessTokens.replaceAll((t, a) -> new AccessToken(a.realmId(), a.grantId(), clock.instant()));
  }

  int refreshGrants() {
    return refreshGrants.get();
  }

  int codeGrants() {
    return codeGrants.get();
  }

  /** refresh_token grants answered with invalid_grant. */
  int refreshRefusals() {
    return refreshRefusals.get();
  }

  private Map<String, Object> issue(Grant grant, boolean withHardExpiry) {
    Instant now = clock.instant();
    String access = "eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0.." + random(32);
    String refresh = "RT1-" + random(8) + "-H0-" + random(20);
    SandboxSettings.TokenLifetimes life = lifetimes;
    accessTokens.put(
        access, new AccessToken(grant.realmId(), grant.id(), now.plus(life.accessToken())));
    refreshTokens.put(refresh, new RefreshToken(grant, now.plus(life.refreshToken()), false));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "bearer");
    body.put("access_token", access);
    body.put("expires_in", life.accessToken().toSeconds());
    body.put("refresh_token", refresh);
    body.put("x_refresh_token_expires_in", life.refreshToken().toSeconds());
    if (withHardExpiry) {
      body.put(
          "x_refresh_token_hard_expires_in",
          Duration.between(now, grant.hardExpiresAt()).toSeconds());
    }
    // Intuit adds an id_token only when the openid scope was granted.
    if (grant.scopes().contains("openid")) {
      body.put(
          "id_token",
          idTokens.issue(subject(grant.id()), settings.clientId(), grant.realmId(), now));
    }
    return body;
  }

  private static String random(int chars) {
    byte[] bytes = new byte[chars];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, chars);
  }
}
