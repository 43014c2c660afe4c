package dev.invoicebridge.attio;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** When a failed attempt at an Attio call is tried again, and after how long. */
final class RetryRules {
  private static final Duration BASE_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private RetryRules() {}

  /** How an attempt failed. */
  enum Failure {
    /** The connection was never established: nothing reached Attio. */
    NOT_SENT,
    /** Sent, but no answer arrived (timeout, reset): Attio may have applied it. */
    NO_ANSWER,
    /** Attio answered with an error status. */
    ANSWERED
  }

  /**
   * One failed attempt.
   *
   * @param number 1 for the first attempt
   * @param safe whether repeating the call cannot apply it twice (reads, queries, PUTs, deletes)
   * @param answer what Attio answered; null unless {@code failure} is {@link Failure#ANSWERED}
   * @param retryAfter the {@code Retry-After} date Attio named, or null
   */
  record Attempt(
      int number, boolean safe, Failure failure, AttioErrorDetails answer, Instant retryAfter) {
    static Attempt unanswered(int number, boolean safe, Failure failure) {
      return new Attempt(number, safe, failure, null, null);
    }
  }

  /** The delay before the next attempt, or empty when the failure goes to the caller. */
  static Optional<Duration> delay(
      Attempt attempt,
      Instant now,
      AttioClientSettings.RetryPolicy policy,
      RandomGenerator random) {
    if (attempt.number() >= policy.maxAttempts()) {
      return Optional.empty();
    }
    Duration backoff = jittered(attempt.number(), random);
    return switch (attempt.failure()) {
      // Nothing reached Attio, so even a create can be sent again.
      case NOT_SENT -> Optional.of(backoff);
      // Attio may have applied it: only calls that are harmless to repeat go again.
      case NO_ANSWER -> attempt.safe() ? Optional.of(backoff) : Optional.empty();
      case ANSWERED -> afterAnswer(attempt, now, policy, backoff);
    };
  }

  private static Optional<Duration> afterAnswer(
      Attempt attempt, Instant now, AttioClientSettings.RetryPolicy policy, Duration backoff) {
    int status = attempt.answer().statusCode();
    if (status == 429) {
      // Attio did not process a rate-limited call, so any call is retried, no earlier than the
      // Retry-After date it named (and not at all when that is further away than we will wait).
      Instant retryAfter = attempt.retryAfter();
      Duration wait =
          retryAfter == null ? backoff : Duration.between(now, retryAfter).plus(jitterOf(backoff));
      return wait.compareTo(policy.maxRetryAfter()) > 0
          ? Optional.empty()
          : Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
    if (status == 409) {
      // A duplicate slug or title is final; any other 409 is Attio's "modified by another request
      // while this write was being validated", which wrote nothing and asks to try again.
      return "slug_conflict".equals(attempt.answer().code())
          ? Optional.empty()
          : Optional.of(backoff);
    }
    if (status == 408 || status == 500 || status == 502 || status == 503 || status == 504) {
      // Server-side failures may have applied the call: only safe calls are repeated.
      return attempt.safe() ? Optional.of(backoff) : Optional.empty();
    }
    // Everything else (400, 401, 403, 404, ...) fails the same way on every attempt.
    return Optional.empty();
  }

  /** Exponential backoff with half of it jittered, so clients that failed together spread out. */
  static Duration jittered(int attemptNumber, RandomGenerator random) {
    long exp = BASE_BACKOFF.toMillis() << Math.min(attemptNumber - 1, 10);
    long capped = Math.min(exp, MAX_BACKOFF.toMillis());
    return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
  }

  /** A little spread after a Retry-After date, so waiting clients do not all return at once. */
  private static Duration jitterOf(Duration backoff) {
    return Duration.ofMillis(Math.min(backoff.toMillis() / 4, 50));
  }
}
