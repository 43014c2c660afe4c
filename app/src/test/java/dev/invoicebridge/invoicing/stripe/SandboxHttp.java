package dev.invoicebridge.invoicing.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP to the Stripe sandbox, for what a test must see on the wire rather than through the SDK.
 */
final class SandboxHttp {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A status, a header view and the parsed body. */
  record Answer(int status, HttpResponse<String> raw, JsonNode body) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private SandboxHttp() {}

  static Answer get(StripeSandboxRig rig, String path) {
    return send(rig, request(rig, path).GET(), StripeSandboxRig.SECRET_KEY);
  }

  static Answer post(StripeSandboxRig rig, String path, String form, String idempotencyKey) {
    HttpRequest.Builder b =
        request(rig, path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(rig, b, StripeSandboxRig.SECRET_KEY);
  }

  static Answer send(StripeSandboxRig rig, HttpRequest.Builder request, String key) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              request.header("Authorization", "Bearer " + key).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r, JSON.readTree(r.body()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder request(StripeSandboxRig rig, String path) {
    return HttpRequest.newBuilder(URI.create(rig.baseUri() + path)).timeout(Duration.ofSeconds(10));
  }

  /** The data of one list page. */
  static List<JsonNode> list(StripeSandboxRig rig, String path) {
    Answer a = get(rig, path);
    if (a.status() != 200) {
      throw new IllegalStateException(a.status() + " " + a.body());
    }
    List<JsonNode> data = new ArrayList<>();
    a.body().get("data").forEach(data::add);
    return data;
  }
}
