package dev.invoicebridge.quickbooks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When a failed QuickBooks call is tried again, and after how long. All rules live here. */
final class RetryRules {
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private RetryRules() {}

  /**
   * One failed attempt.
   *
   * @param number attempts made so far (1 after the first)
   * @param status HTTP status, 0 when the request failed to get an answer
   * @param repeatable the request is a read or carries a requestid, so repeating it is harmless
   * @param elapsed time since the first attempt started
   */
  record Failure(int number, int status, boolean repeatable, Duration elapsed) {}

  /** The wait before the next attempt, or empty to give up. */
  static Optional<Duration> delayBeforeRetry(Failure f, QuickBooksClientOptions.Retry retry) {
    Optional<Duration> wait = wait(f, retry);
    // A wait that would end past the deadline is not worth starting: the caller hears now.
    return wait.filter(w -> f.elapsed().plus(w).compareTo(retry.deadline()) <= 0);
  }

  private static Optional<Duration> wait(Failure f, QuickBooksClientOptions.Retry retry) {
    if (f.number() >= retry.maxAttempts()) {
      return Optional.empty();
    }
    // 429: QuickBooks refused before doing anything, so any request may be repeated. It sends no
    // Retry-After and Intuit advises backing off a minute or more: never less than the floor,
    // growing with each attempt, jittered upwards so throttled callers spread out.
    if (f.status() == 429) {
      long floor = retry.throttleBackoff().toMillis();
      // At most four times the floor.
      long base = floor << Math.min(f.number() - 1, 2);
      return Optional.of(
          Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1)));
    }
    // No answer (connection refused, reset, timeout): the write may have happened; repeat only
    // what is harmless to repeat (a read, or a write QuickBooks deduplicates by requestid).
    if (f.status() == 0) {
      return f.repeatable() ? Optional.of(jittered(retry.backoff(), f.number())) : Optional.empty();
    }
    // 5xx SystemFault: transient on Intuit's side; same caution about writes as above.
    if (f.status() >= 500) {
      return f.repeatable() ? Optional.of(jittered(retry.backoff(), f.number())) : Optional.empty();
    }
    // 4xx: the request itself is wrong (401 is renewed by the caller, 5010 by the operation).
    return Optional.empty();
  }

  private static Duration jittered(Duration first, int attempt) {
    long base = first.toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    // Full jitter between half and all of the backoff, so realms failing together spread out.
    long millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofMillis(Math.max(millis, 1));
  }
}
