package dev.invoicebridge.quickbooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends Accounting API calls for one realm: paced, authenticated (renewing the token once after a
 * 401), retried by {@link RetryRules}, and every fault turned into a {@link QuickBooksException}.
 */
final class ApiTransport {
  private static final Logger log = LoggerFactory.getLogger(ApiTransport.class);
  private static final HttpClient SHARED_HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String companyUrl;
  private final RealmId realm;
  private final AccessTokenSource tokens;
  private final QuickBooksClientOptions options;

  ApiTransport(URI baseUrl, RealmId realm, AccessTokenSource tokens, QuickBooksClientOptions opts) {
    this.companyUrl = baseUrl.toString().replaceAll("/+$", "") + "/v3/company/" + realm.value();
    this.realm = realm;
    this.tokens = tokens;
    this.options = opts;
  }

  JsonNode json(ApiRequest request) {
    return parse(send(request, "application/json"));
  }

  byte[] bytes(ApiRequest request, String accept) {
    return send(request, accept).body();
  }

  private HttpResponse<byte[]> send(ApiRequest request, String accept) {
    String token = tokens.accessToken();
    long started = System.nanoTime();
    boolean renewed = false;
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = attempt(request, accept, token);
      if (outcome.failure() == null) {
        return outcome.response();
      }
      QuickBooksException failure = outcome.failure();
      // 401 (3200): the access token expired or was revoked; renew once and repeat.
      if (failure instanceof QuickBooksException.Unauthorized && !renewed) {
        String fresh = tokens.renewAfterRejection(token);
        if (fresh != null) {
          token = fresh;
          renewed = true;
          attempt--;
          continue;
        }
      }
      Optional<Duration> wait =
          RetryRules.delayBeforeRetry(
              new RetryRules.Failure(
                  attempt,
                  failure.statusCode(),
                  request.repeatable(),
                  Duration.ofNanos(System.nanoTime() - started)),
              options.retry());
      if (wait.isEmpty()) {
        log.warn(
            "QuickBooks {} {} failed: HTTP {} code {} intuit_tid {}",
            request.method(),
            request.path(),
            failure.statusCode(),
            failure.code(),
            failure.intuitTid());
        throw failure;
      }
      LockSupport.parkNanos(wait.get().toNanos());
    }
  }

  private record Outcome(HttpResponse<byte[]> response, QuickBooksException failure) {}

  private Outcome attempt(ApiRequest request, String accept, String token) {
    HttpRequest http = build(request, accept, token);
    options.limiters().acquire(realm);
    HttpResponse<byte[]> response;
    try {
      response = SHARED_HTTP.send(http, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new Outcome(
          null,
          QuickBooksErrors.from(
              new QuickBooksErrors.Details(0, null, "Could not reach QuickBooks", null, e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuickBooksException(0, null, "Interrupted calling QuickBooks", null, e);
    } finally {
      options.limiters().release(realm);
    }
    return new Outcome(response, Faults.inResponse(response));
  }

  private HttpRequest build(ApiRequest request, String accept, String token) {
    URI uri = URI.create(companyUrl + request.path() + "?" + request.queryString());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(options.requestTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Accept", accept);
    if (request.method().equals("GET")) {
      return b.GET().build();
    }
    boolean empty = request.body() == null || request.body().isEmpty();
    return b.header("Content-Type", empty ? "application/octet-stream" : "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(empty ? "" : request.body()))
        .build();
  }

  private static JsonNode parse(HttpResponse<byte[]> response) {
    try {
      return QboJson.JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new QuickBooksException(
          response.statusCode(),
          null,
          "QuickBooks answered something that is not JSON",
          response.headers().firstValue("intuit_tid").orElse(null),
          e);
    }
  }
}
