package dev.invoicebridge.attio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one Attio call: paced under the token's rate limit, retried by {@link RetryRules}, and
 * mapped by {@link AttioErrors} when it fails for good. Every attempt has a bounded timeout.
 */
final class AttioHttp {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final AttioClientSettings settings;
  private final HttpClient http;
  private final String base;

  AttioHttp(AttioClientSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    this.base = settings.baseUrl().toString().replaceAll("/+$", "");
  }

  /**
   * One call.
   *
   * @param write whether Attio counts it against the write limit
   * @param safe whether repeating it cannot apply it twice
   */
  record Call(String method, String path, Object body, boolean write, boolean safe) {
    static Call read(String path) {
      return new Call("GET", path, null, false, true);
    }
  }

  JsonNode send(Call call) {
    String token = settings.token().get();
    Pacer pacer =
        call.write()
            ? Pacer.shared(base, token, "write", settings.writesPerSecond())
            : Pacer.shared(base, token, "read", settings.readsPerSecond());
    HttpRequest request = request(call, token);
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = once(request, call, pacer, attempt);
      if (outcome.body() != null) {
        return outcome.body();
      }
      RetryRules.Attempt failed = outcome.failed();
      Optional<Duration> delay =
          RetryRules.delay(
              failed,
              settings.clock().instant(),
              settings.retryPolicy(),
              ThreadLocalRandom.current());
      if (delay.isEmpty()) {
        settings.metrics().failed(outcome.error().getClass().getSimpleName());
        throw outcome.error();
      }
      settings
          .metrics()
          .retried(
              failed.answer() == null
                  ? failed.failure().name()
                  : "" + failed.answer().statusCode());
      pause(delay.get(), outcome.error());
    }
  }

  /** One attempt: the parsed body, or how it failed and the exception it would end in. */
  private record Outcome(JsonNode body, RetryRules.Attempt failed, AttioException error) {}

  private Outcome once(HttpRequest request, Call call, Pacer pacer, int attempt) {
    try {
      settings.metrics().paced(call.write(), pacer.acquire());
      long start = System.nanoTime();
      HttpResponse<String> response = exchange(request);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      settings.metrics().exchanged(call.write(), response.statusCode(), elapsed);
      return response.statusCode() < 400
          ? new Outcome(parse(response.body()), null, null)
          : answered(response, call, pacer, attempt);
    } catch (NotSent e) {
      return new Outcome(
          null,
          RetryRules.Attempt.unanswered(attempt, call.safe(), RetryRules.Failure.NOT_SENT),
          AttioErrors.noAnswer(false, e.getCause()));
    } catch (IOException e) {
      return new Outcome(
          null,
          RetryRules.Attempt.unanswered(attempt, call.safe(), RetryRules.Failure.NO_ANSWER),
          AttioErrors.noAnswer(true, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AttioErrors.noAnswer(true, e);
    }
  }

  private Outcome answered(HttpResponse<String> response, Call call, Pacer pacer, int attempt) {
    Instant retryAfter = retryAfter(response).orElse(null);
    AttioErrorDetails details = details(response);
    if (response.statusCode() == 429 && retryAfter != null) {
      // Every caller on this token holds back until the date Attio named, not just this one.
      long holdNanos = Duration.between(settings.clock().instant(), retryAfter).toNanos();
      pacer.holdUntil(System.nanoTime() + Math.max(holdNanos, 0));
    }
    return new Outcome(
        null,
        new RetryRules.Attempt(
            attempt, call.safe(), RetryRules.Failure.ANSWERED, details, retryAfter),
        AttioErrors.fromAnswer(details, message(response), retryAfter));
  }

  private HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      // The connection never opened, so Attio cannot have seen the call.
      throw new NotSent(e);
    }
  }

  private HttpRequest request(Call call, String token) {
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call.body()));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(call.method(), body);
    if (call.body() != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder.build();
  }

  private static void pause(Duration delay, AttioException error) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error;
    }
  }

  private static AttioErrorDetails details(HttpResponse<String> response) {
    JsonNode body = parse(response.body());
    String requestId =
        response
            .headers()
            .firstValue("x-request-id")
            .or(() -> response.headers().firstValue("x-attio-request-id"))
            .orElse(null);
    return new AttioErrorDetails(
        response.statusCode(),
        body.path("type").asString("unknown"),
        body.path("code").isString() ? body.path("code").asString() : null,
        requestId);
  }

  private static String message(HttpResponse<String> response) {
    String message = parse(response.body()).path("message").asString("");
    return "Attio answered HTTP "
        + response.statusCode()
        + (message.isEmpty() ? "" : ": " + message);
  }

  /** {@code Retry-After} is an HTTP date at Attio; a number of seconds is accepted too. */
  private Optional<Instant> retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
  }

  Optional<Instant> parseRetryAfter(String value) {
    String v = value.trim();
    try {
      if (v.matches("\\d{1,6}")) {
        return Optional.of(settings.clock().instant().plusSeconds(Long.parseLong(v)));
      }
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }

  /** A connection that never opened, told apart from failures after sending. */
  private static final class NotSent extends IOException {
    private static final long serialVersionUID = 1L;

    NotSent(IOException cause) {
      super(cause);
    }
  }
}
