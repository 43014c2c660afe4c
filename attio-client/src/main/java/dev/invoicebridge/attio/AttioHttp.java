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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one Attio call: paced under the token's rate limit, retried by {@link RetryRules}, and
 * mapped by {@link AttioErrors} when it fails for good. Every attempt has a bounded timeout, and
 * the whole call (queueing, attempts, waits) a deadline.
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
    long deadline = System.nanoTime() + settings.retryPolicy().callDeadline().toNanos();
    boolean maybeApplied = false;
    for (int attempt = 1; ; attempt++) {
      Outcome outcome = once(call, token, pacer, new Turn(attempt, deadline, maybeApplied));
      if (outcome.body() != null) {
        return outcome.body();
      }
      if (maybeApplied && isNotFound(outcome) && call.method().equals("DELETE")) {
        // An earlier attempt deleted it but its answer was lost: gone is what the caller wanted.
        return JSON.createObjectNode();
      }
      maybeApplied |= outcome.maybeApplied();
      Optional<Duration> delay =
          RetryRules.delay(
              outcome.failed(),
              settings.clock().instant(),
              settings.retryPolicy(),
              ThreadLocalRandom.current());
      if (delay.isEmpty()) {
        throw failed(outcome.error());
      }
      if (System.nanoTime() + delay.get().toNanos() - deadline > 0) {
        throw failed(pastDeadline(maybeApplied, outcome.error()));
      }
      settings.metrics().retried(retryReason(outcome.failed()));
      pause(delay.get(), outcome.error());
    }
  }

  /** Where one call stands before an attempt: which attempt, its deadline, what may have landed. */
  private record Turn(int attempt, long deadline, boolean maybeApplied) {}

  /** One attempt: the parsed body, or how it failed and the exception it would end in. */
  private record Outcome(JsonNode body, RetryRules.Attempt failed, AttioException error) {
    /** Whether Attio may have applied the call although the attempt failed. */
    boolean maybeApplied() {
      return error instanceof AttioTransientException t && t.outcomeUnknown();
    }
  }

  private static boolean isNotFound(Outcome outcome) {
    return outcome.error() instanceof AttioNotFoundException;
  }

  private static String retryReason(RetryRules.Attempt failed) {
    return failed.answer() == null ? failed.failure().name() : "" + failed.answer().statusCode();
  }

  private AttioException failed(AttioException error) {
    settings.metrics().failed(error.getClass().getSimpleName());
    return error;
  }

  private AttioTransientException pastDeadline(boolean maybeApplied, Throwable cause) {
    return new AttioTransientException(
        AttioErrorDetails.noAnswer("deadline_exceeded"),
        "The Attio call did not complete within its deadline of "
            + settings.retryPolicy().callDeadline().toSeconds()
            + " s (rate-limit waits and retries included); "
            + (maybeApplied ? "it may or may not have been applied" : "it was not applied"),
        maybeApplied,
        cause);
  }

  private Outcome once(Call call, String token, Pacer pacer, Turn turn) {
    long start = 0;
    try {
      Optional<Duration> waited = pacer.acquire(turn.deadline());
      long remaining = turn.deadline() - System.nanoTime();
      if (waited.isEmpty() || remaining <= 0) {
        throw failed(pastDeadline(turn.maybeApplied(), null));
      }
      settings.metrics().paced(call.write(), waited.get());
      Duration timeout = min(settings.requestTimeout(), Duration.ofNanos(remaining));
      start = System.nanoTime();
      HttpResponse<String> response = exchange(request(call, token, timeout));
      settings
          .metrics()
          .exchanged(
              call.write(), response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
      return response.statusCode() < 400
          ? new Outcome(parse(response.body()), null, null)
          : answered(response, call, pacer, turn.attempt());
    } catch (NotSent e) {
      unanswered(call, start);
      return new Outcome(
          null,
          RetryRules.Attempt.unanswered(turn.attempt(), call.safe(), RetryRules.Failure.NOT_SENT),
          AttioErrors.noAnswer(false, e.getCause()));
    } catch (IOException e) {
      unanswered(call, start);
      return new Outcome(
          null,
          RetryRules.Attempt.unanswered(turn.attempt(), call.safe(), RetryRules.Failure.NO_ANSWER),
          AttioErrors.noAnswer(true, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AttioErrors.noAnswer(true, e);
    }
  }

  /** A call that got no answer (timeout, reset, refused) is still an exchange, with status 0. */
  private void unanswered(Call call, long start) {
    settings.metrics().exchanged(call.write(), 0, Duration.ofNanos(System.nanoTime() - start));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private Outcome answered(HttpResponse<String> response, Call call, Pacer pacer, int attempt) {
    ErrorAnswer answer = ErrorAnswer.of(response, settings.clock());
    Instant retryAfter = answer.retryAfter();
    if (response.statusCode() == 429 && retryAfter != null) {
      // Every caller on this token holds back until the date Attio named, not just this one.
      long holdNanos = Duration.between(settings.clock().instant(), retryAfter).toNanos();
      pacer.holdUntil(System.nanoTime() + Math.max(holdNanos, 0));
    }
    return new Outcome(
        null,
        new RetryRules.Attempt(
            attempt, call.safe(), RetryRules.Failure.ANSWERED, answer.details(), retryAfter),
        AttioErrors.fromAnswer(answer.details(), answer.message(), retryAfter));
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

  private HttpRequest request(Call call, String token, Duration timeout) {
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call.body()));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .timeout(timeout)
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
