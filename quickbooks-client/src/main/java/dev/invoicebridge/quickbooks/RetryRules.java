package dev.invoicebridge.quickbooks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When a failed QuickBooks call is tried again, and after how long. All rules live here. */
final class RetryRules {
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private RetryRules() {}

  /**
   * @param attempt attempts made so far (1 after the first)
   * @param status HTTP status, 0 when the request failed to get an answer
   * @param repeatable the request is a read or carries a requestid, so repeating it is harmless
   * @return the wait before the next attempt, or empty to give up
   */
  static Optional<Duration> delayBeforeRetry(
      int attempt, int status, boolean repeatable, QuickBooksClientOptions options) {
    if (attempt >= options.maxAttempts()) {
      return Optional.empty();
    }
    // 429: QuickBooks refused before doing anything, so any request may be repeated; it sends no
    // Retry-After, so back off exponentially with jitter until the per-minute window moves on.
    if (status == 429) {
      return Optional.of(jittered(options.backoff(), attempt));
    }
    // No answer (connection refused, reset, timeout): the write may have happened; repeat only
    // what is harmless to repeat (a read, or a write QuickBooks deduplicates by requestid).
    if (status == 0) {
      return repeatable ? Optional.of(jittered(options.backoff(), attempt)) : Optional.empty();
    }
    // 5xx SystemFault: transient on Intuit's side; same caution about writes as above.
    if (status >= 500) {
      return repeatable ? Optional.of(jittered(options.backoff(), attempt)) : Optional.empty();
    }
    // 4xx: the request itself is wrong (401 is renewed by the caller, 5010 by the operation).
    return Optional.empty();
  }

  private static Duration jittered(Duration first, int attempt) {
    long base = first.toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    // Full jitter between half and all of the backoff, so realms throttled together spread out.
    long millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofMillis(Math.max(millis, 1));
  }
}
