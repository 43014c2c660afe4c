package dev.invoicebridge.quickbooks.oauth;

import dev.invoicebridge.quickbooks.QuickBooksErrors;
import dev.invoicebridge.quickbooks.QuickBooksException;
import dev.invoicebridge.quickbooks.RealmId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Intuit's OAuth 2.0 endpoints: authorize URL, code exchange, refresh, revoke and userinfo. */
public final class QuickBooksOAuthClient {
  /** Accounting access plus the OpenID scopes userinfo needs. */
  public static final String SCOPES = "com.intuit.quickbooks.accounting openid email profile";

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final OAuthApp app;
  private final QuickBooksEndpoints endpoints;
  private final Clock clock;

  public QuickBooksOAuthClient(OAuthApp app, QuickBooksEndpoints endpoints, Clock clock) {
    this.app = Objects.requireNonNull(app, "app");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public QuickBooksEndpoints endpoints() {
    return endpoints;
  }

  /** Where to send the admin's browser; {@code state} must be checked on the callback. */
  public URI authorizationUrl(String state) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", app.clientId());
    q.put("response_type", "code");
    q.put("scope", SCOPES);
    q.put("redirect_uri", app.redirectUri().toString());
    q.put("state", Objects.requireNonNull(state, "state"));
    return URI.create(endpoints.authorize() + "?" + form(q));
  }

  /** Exchanges the callback's {@code code} for the company {@code realmId}'s first tokens. */
  public OAuthTokens exchangeCode(String code, RealmId realmId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("code", code);
    f.put("redirect_uri", app.redirectUri().toString());
    return tokens(realmId, tokenCall(f), null);
  }

  /**
   * Trades the refresh token for new tokens. The answer may carry a new refresh token (rotation):
   * the caller must persist it before anything else uses the old one.
   */
  public OAuthTokens refresh(OAuthTokens current) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "refresh_token");
    f.put("refresh_token", current.refreshToken());
    return tokens(current.realmId(), tokenCall(f), current.refreshTokenHardExpiresAt());
  }

  /** Revokes a refresh (or access) token; revoking the refresh token disconnects the company. */
  public void revoke(String token) {
    String body = JSON.createObjectNode().put("token", token).toString();
    send(
        HttpRequest.newBuilder(endpoints.revoke())
            .header("Authorization", basic())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The connecting user's OpenID profile. */
  public UserInfo userInfo(String accessToken) {
    JsonNode n =
        send(
            HttpRequest.newBuilder(endpoints.userInfo())
                .header("Authorization", "Bearer " + accessToken)
                .GET());
    return new UserInfo(
        n.path("sub").asString(null),
        n.path("email").asString(null),
        n.path("emailVerified").asBoolean(false),
        n.path("givenName").asString(null),
        n.path("familyName").asString(null));
  }

  private JsonNode tokenCall(Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(endpoints.token())
            .header("Authorization", basic())
            .header("Content-Type", "application/x-www-form-urlencoded")
            // Opt in to the five-year hard expiry so it can be surfaced before it bites.
            .header("x-include-refresh-token-hard-expires-in", "true")
            .POST(HttpRequest.BodyPublishers.ofString(form(form))));
  }

  private OAuthTokens tokens(RealmId realm, JsonNode n, Instant previousHardExpiry) {
    Instant now = clock.instant();
    JsonNode hard = n.path("x_refresh_token_hard_expires_in");
    return new OAuthTokens(
        realm,
        n.path("access_token").asString(),
        now.plusSeconds(n.path("expires_in").asLong(3600)),
        n.path("refresh_token").asString(),
        now.plusSeconds(n.path("x_refresh_token_expires_in").asLong(8_640_000)),
        hard.isNumber() ? now.plusSeconds(hard.asLong()) : previousHardExpiry);
  }

  private JsonNode send(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(TIMEOUT).header("Accept", "application/json").build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw QuickBooksErrors.from(
          new QuickBooksErrors.Details(0, null, "Could not reach Intuit OAuth", null, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuickBooksException(0, null, "Interrupted calling Intuit OAuth", null, e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() >= 300) {
      String error = body.path("error").asString(null);
      throw QuickBooksErrors.from(
          new QuickBooksErrors.Details(
              response.statusCode(),
              error,
              "Intuit OAuth answered HTTP "
                  + response.statusCode()
                  + (error == null ? "" : ": " + error),
              response.headers().firstValue("intuit_tid").orElse(null),
              null));
    }
    return body;
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }

  private String basic() {
    String pair = app.clientId() + ":" + app.clientSecret();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("&"));
  }
}
