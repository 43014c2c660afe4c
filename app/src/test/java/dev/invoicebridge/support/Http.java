package dev.invoicebridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the running service, every answer kept. */
public final class Http {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;
  private final List<String> seen = new ArrayList<>();

  public Http(int port) {
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The service's root URL, such as {@code http://localhost:8080}. */
  public String base() {
    return base;
  }

  /** Every status line, header and body this client received, for leak scans. */
  public String everythingSeen() {
    return String.join("\n", seen);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).headers(pad(headers)).GET());
  }

  public HttpResponse<String> postJson(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .headers(pad(headers))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> putJson(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .headers(pad(headers))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).headers(pad(headers)).DELETE());
  }

  /** Posts a form the way a browser would, with the CSRF token of the page it came from. */
  public HttpResponse<String> postForm(
      String pagePath, String actionPath, Map<String, String> fields) {
    Matcher m = CSRF.matcher(get(pagePath).body());
    if (!m.find()) {
      throw new AssertionError("no CSRF token on " + pagePath);
    }
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", m.group(1));
    return postForm(actionPath, all);
  }

  /** Posts exactly these form fields, as a page without a CSRF token (an emulator's) does. */
  public HttpResponse<String> postForm(String actionPath, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + actionPath))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> login(String username, String password) {
    return postForm("/login", "/login", Map.of("username", username, "password", password));
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      seen.add(
          response.statusCode()
              + " "
              + response.uri()
              + "\n"
              + response.headers().map()
              + "\n"
              + response.body());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String[] pad(String[] headers) {
    return headers.length == 0 ? new String[] {"Accept", "*/*"} : headers;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
