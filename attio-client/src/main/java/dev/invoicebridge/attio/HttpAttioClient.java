package dev.invoicebridge.attio;

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

/** {@link AttioClient} over the JDK HTTP client, with bounded timeouts on every call. */
public final class HttpAttioClient implements AttioClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI baseUrl;
  private final Supplier<String> token;
  private final HttpClient http;

  /**
   * @param baseUrl API root, {@code https://api.attio.com} or the sandbox's mount point
   * @param token supplies the bearer token at call time, so a rotated token is picked up
   */
  public HttpAttioClient(URI baseUrl, Supplier<String> token) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.token = Objects.requireNonNull(token, "token");
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public AttioIdentity self() {
    return JSON.treeToValue(get("/v2/self"), AttioIdentity.class);
  }

  private JsonNode get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AttioException(0, "connection_error", null, "Could not reach Attio", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AttioException(0, "connection_error", null, "Interrupted calling Attio", e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() >= 400) {
      throw new AttioException(
          response.statusCode(),
          body.path("type").asString("unknown"),
          body.path("code").asString(null),
          body.path("message").asString("Attio answered HTTP " + response.statusCode()),
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
