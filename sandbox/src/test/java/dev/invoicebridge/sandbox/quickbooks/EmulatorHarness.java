package dev.invoicebridge.sandbox.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.MovableClock;
import dev.invoicebridge.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The QuickBooks emulator on real HTTP, driven with raw requests (no client library), so its
 * answers are checked as bytes on the wire: one registered app, one company, a movable clock.
 */
final class EmulatorHarness implements AutoCloseable {
  static final String REALM = "9130355566770001";
  static final String CLIENT_ID = "ABharnessclient";
  static final String CLIENT_SECRET = "harness-secret";
  static final String REDIRECT = "https://app.example/callback";

  final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T17:00:00Z"));
  final QuickBooksSandbox sandbox =
      new QuickBooksSandbox(SandboxSettings.of(CLIENT_ID, CLIENT_SECRET, "verifier"), clock);
  final SandboxServer server;
  final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  EmulatorHarness() {
    sandbox.addCompany(REALM, "Harness Company");
    sandbox.registerRedirectUri(URI.create(REDIRECT));
    server = SandboxServer.start(0, Map.of("quickbooks", new QuickBooksSandboxServlet(sandbox)));
    base = server.baseUri("quickbooks").toString();
  }

  /** A code for {@link #REALM} from the consent page, with the given scopes. */
  String code(String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", CLIENT_ID);
    form.put("redirect_uri", REDIRECT);
    form.put("state", "s");
    form.put("scope", scope);
    form.put("realmId", REALM);
    form.put("action", "connect");
    HttpResponse<String> redirect =
        post("/connect/oauth2", "application/x-www-form-urlencoded", form(form), null);
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return query(URI.create(location).getRawQuery()).get("code");
  }

  /** The token endpoint's answer to a form, authenticated as the app. */
  HttpResponse<String> token(Map<String, String> fields) {
    return post(
        "/oauth2/v1/tokens/bearer", "application/x-www-form-urlencoded", form(fields), basic());
  }

  /** The token endpoint's answer to exchanging {@code code} for tokens. */
  HttpResponse<String> exchange(String code) {
    return token(
        Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
  }

  /** Connects with the accounting scope and returns the token response. */
  JsonNode connect() {
    HttpResponse<String> r = exchange(code("com.intuit.quickbooks.accounting"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  String accessToken() {
    return connect().path("access_token").asString();
  }

  /** An Accounting API call below the company, with minorversion=75. */
  HttpResponse<String> api(String method, String pathAndQuery, String body, String token) {
    String sep = pathAndQuery.contains("?") ? "&" : "?";
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(base + "/v3/company/" + REALM + pathAndQuery + sep + "minorversion=75"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return send(b);
  }

  HttpResponse<String> query(String statement, String token) {
    return api(
        "GET", "/query?query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8), null, token);
  }

  /** A control call authenticated with the app's client credentials. */
  HttpResponse<String> control(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/_control" + path))
            .header("Authorization", basic())
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  JsonNode controlOk(String method, String path, String json) {
    HttpResponse<String> r = control(method, path, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body());
  }

  /**
   * Adds an entity to {@link #REALM} through the controls ({@code customers}, {@code payments}...).
   */
  JsonNode seed(String collection, String json) {
    return controlOk("POST", "/companies/" + REALM + "/" + collection, json);
  }

  HttpResponse<String> post(String path, String contentType, String body, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String body) {
    return QboExchange.JSON.readTree(body);
  }

  /** The first error of a Fault answer, asserting its HTTP status. */
  static JsonNode fault(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode error = json(r.body()).path("Fault").path("Error").path(0);
    assertThat(error.isObject()).as(r.body()).isTrue();
    return error;
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
  }

  static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.close();
    http.close();
  }
}
