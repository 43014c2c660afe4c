package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.OAuthApp;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.QuickBooksEndpoints;
import dev.invoicebridge.quickbooks.oauth.QuickBooksOAuthClient;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.quickbooks.QuickBooksSandbox;
import dev.invoicebridge.sandbox.quickbooks.QuickBooksSandboxServlet;
import dev.invoicebridge.sandbox.quickbooks.SandboxSettings;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The QuickBooks emulator on a real HTTP server, with an app registration, two sandbox companies,
 * and helpers that connect through the consent page exactly as a browser would.
 */
public final class QuickBooksSandboxFixture implements AutoCloseable {
  public static final String REALM = "9130355566772211";
  public static final String OTHER_REALM = "9130355566772299";
  public static final String CLIENT_ID = "ABtestclient0000";
  public static final String CLIENT_SECRET = "test-client-secret";
  public static final String VERIFIER_TOKEN = "test-verifier-token";
  public static final URI REDIRECT =
      URI.create("https://invoicebridge.example/quickbooks/callback");

  public final TestClock clock = new TestClock(Instant.parse("2026-03-02T17:00:00Z"));
  public final QuickBooksSandbox sandbox;
  public final SandboxServer server;
  public final QuickBooksEndpoints endpoints;
  public final QuickBooksOAuthClient oauth;
  private final HttpClient http = HttpClient.newHttpClient();
  private final RealmLimiters limiters = new RealmLimiters(10, 500, Duration.ofMinutes(1));

  public QuickBooksSandboxFixture() {
    this(SandboxSettings.of(CLIENT_ID, CLIENT_SECRET, VERIFIER_TOKEN));
  }

  public QuickBooksSandboxFixture(SandboxSettings settings) {
    sandbox = new QuickBooksSandbox(settings, clock);
    sandbox.addCompany(REALM, "Sandbox Company US 1");
    sandbox.addCompany(OTHER_REALM, "Sandbox Company US 2");
    sandbox.registerRedirectUri(REDIRECT);
    sandbox.calls().configure(1_000_000, true);
    server = SandboxServer.start(0, Map.of("quickbooks", new QuickBooksSandboxServlet(sandbox)));
    endpoints = QuickBooksEndpoints.emulator(server.baseUri("quickbooks"));
    oauth =
        new QuickBooksOAuthClient(
            new OAuthApp(CLIENT_ID, CLIENT_SECRET, REDIRECT), endpoints, clock);
  }

  /** The redirect the consent page sends the browser to, as query parameters. */
  public Map<String, String> consent(String state, String realmId) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(oauth.authorizationUrl(state)).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    Map<String, String> form = new LinkedHashMap<>();
    Matcher hidden =
        Pattern.compile("type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(page.body());
    while (hidden.find()) {
      form.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
    }
    assertThat(page.body()).contains("value=\"" + realmId + "\"");
    form.put("realmId", realmId);
    form.put("action", "connect");
    HttpResponse<String> redirect =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUri("quickbooks") + "/connect/oauth2"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    assertThat(redirect.statusCode()).isEqualTo(302);
    URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(REDIRECT.toString());
    return decode(location.getRawQuery());
  }

  /** Connects {@link #REALM} through the consent page and returns its first tokens. */
  public OAuthTokens connect() {
    Map<String, String> callback = consent("state-1", REALM);
    return oauth.exchangeCode(callback.get("code"), new RealmId(callback.get("realmId")));
  }

  /** Connects and stores the tokens; the returned source refreshes single-flight. */
  public QuickBooksTokens connectedTokens(InMemoryOAuthTokenStore store) {
    QuickBooksTokens.connect(store, connect());
    return new QuickBooksTokens(oauth, store, new RealmId(REALM), clock);
  }

  public HttpQuickBooksClient client(AccessTokenSource tokens) {
    return client(tokens, options());
  }

  public HttpQuickBooksClient client(AccessTokenSource tokens, QuickBooksClientOptions options) {
    return new HttpQuickBooksClient(endpoints.api(), new RealmId(REALM), tokens, options);
  }

  /** Fast backoff so retried 429s cost milliseconds; the emulator's clock decides CDC windows. */
  public QuickBooksClientOptions options() {
    return QuickBooksClientOptions.defaults()
        .withBackoff(Duration.ofMillis(5))
        .withLimiters(limiters)
        .withClock(clock);
  }

  /** A connected client with its own token store. */
  public HttpQuickBooksClient connectedClient() {
    return client(connectedTokens(new InMemoryOAuthTokenStore()));
  }

  /**
   * An invoice of one line, one unit at 10, with QuickBooks' defaults for everything else (no bill
   * email, home currency, the customer's terms, no memo, number or note).
   */
  public static NewInvoice oneLine(CustomerId customer, ItemId item, String description) {
    return new NewInvoice(
        customer,
        List.of(InvoiceLine.of(item, description, BigDecimal.ONE, BigDecimal.TEN)),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Adds an entity to {@link #REALM} through the controls ({@code customers}, {@code payments}...).
   */
  public JsonNode seed(String collection, String json) {
    return control("POST", "/companies/" + REALM + "/" + collection, json);
  }

  /** Calls a sandbox control endpoint with the app's credentials. */
  public JsonNode control(String method, String path, String json) {
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUri("quickbooks") + "/_control" + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return QboJson.JSON.readTree(response.body());
  }

  /** A raw query (GET, minorversion 75) with a token from {@code tokens}: the answer's JSON. */
  public JsonNode query(String statement, AccessTokenSource tokens) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        endpoints.api()
                            + "/v3/company/"
                            + REALM
                            + "/query?minorversion=75&query="
                            + URLEncoder.encode(statement, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + tokens.accessToken())
                .header("Accept", "application/json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return QboJson.JSON.readTree(r.body());
  }

  public int refreshGrants() {
    return control("GET", "/oauth", null).path("refreshGrants").asInt();
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> decode(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * Stops the emulator, then fails if any exchange of the test class broke Intuit's contract: every
   * request body and response is read with Intuit's entity model and checked against the properties
   * Intuit documents as required ({@link IntuitContract}).
   */
  @Override
  public void close() {
    server.close();
    http.close();
    assertThat(IntuitContract.violations(sandbox.calls().calls()))
        .as("exchanges that break Intuit's contract")
        .isEmpty();
  }
}
