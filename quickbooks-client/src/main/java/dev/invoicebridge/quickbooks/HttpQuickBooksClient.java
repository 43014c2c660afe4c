package dev.invoicebridge.quickbooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@link QuickBooksClient} over the JDK HTTP client, pinned to minor version 75. */
public final class HttpQuickBooksClient implements QuickBooksClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI baseUrl;
  private final String realmId;
  private final Supplier<String> accessToken;
  private final HttpClient http;

  /**
   * @param baseUrl API root, {@code https://quickbooks.api.intuit.com} or the sandbox's mount point
   * @param realmId the company's realm id
   * @param accessToken supplies the current OAuth access token at call time
   */
  public HttpQuickBooksClient(URI baseUrl, String realmId, Supplier<String> accessToken) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.realmId = Objects.requireNonNull(realmId, "realmId");
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public CompanyInfo companyInfo() {
    JsonNode body = get("/v3/company/" + realmId + "/companyinfo/" + realmId);
    return JSON.treeToValue(body.path("CompanyInfo"), CompanyInfo.class);
  }

  private JsonNode get(String path) {
    URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + path + "?minorversion=75");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + accessToken.get())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new QuickBooksException(0, null, "Could not reach QuickBooks", null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuickBooksException(0, null, "Interrupted calling QuickBooks", null, e);
    }
    JsonNode body = parse(response.body());
    String tid = response.headers().firstValue("intuit_tid").orElse(null);
    // A Fault can arrive inside an HTTP 200; either casing of the fault shape may be used.
    JsonNode fault =
        body.has("Fault") ? body.path("Fault").path("Error") : body.path("fault").path("error");
    if (response.statusCode() >= 400 || (fault.isArray() && !fault.isEmpty())) {
      JsonNode first = fault.path(0);
      String message =
          first.has("Message")
              ? first.path("Message").asString()
              : first.path("message").asString("");
      throw new QuickBooksException(
          response.statusCode(),
          first.path("code").asString(null),
          message.isEmpty() ? "QuickBooks answered HTTP " + response.statusCode() : message,
          tid,
          null);
    }
    return body;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }
}
