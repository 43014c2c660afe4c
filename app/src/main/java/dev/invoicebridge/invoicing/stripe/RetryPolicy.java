package dev.invoicebridge.invoicing.stripe;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed Stripe call is tried again within the same request. stripe-java's own retries are
 * off (the client is built with zero network retries) so that every rule lives here. Long-horizon
 * retries belong to the job system.
 */
final class RetryPolicy {
  private static final Duration BASE = Duration.ofMillis(500);
  private static final Duration CAP = Duration.ofSeconds(5);

  private final int maxAttempts;

  RetryPolicy(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** The pause before attempt {@code attempt + 1}, or empty when the failure is final. */
  Optional<Duration> backoff(StripeFailure failure, int attempt) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    return retryable(failure) ? Optional.of(jittered(attempt)) : Optional.empty();
  }

  private static boolean retryable(StripeFailure failure) {
    // 409: a concurrent request with the same idempotency key is still running, or an object
    // lock timed out; both clear by themselves.
    if (failure.httpStatus() == 409) {
      return true;
    }
    return switch (failure) {
      // Nothing arrived, or the answer did not: safe because every POST we send carries an
      // idempotency key, so a repeat replays the first outcome instead of acting twice.
      case StripeFailure.Connection c -> true;
      // 429: stripe-java does not retry it, and Stripe sends no Retry-After, so back off.
      case StripeFailure.RateLimited r -> true;
      // 5xx: Stripe's side failed; the idempotency key makes the repeat safe.
      case StripeFailure.ServerError s -> true;
      // 4xx: the request itself is wrong; repeating it cannot help.
      default -> false;
    };
  }

  /** 500 ms doubling per attempt, capped at 5 s, scaled by a random 0.75 to 1.0. */
  private static Duration jittered(int attempt) {
    long millis = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt - 1, 10));
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.25;
    return Duration.ofMillis((long) (millis * jitter));
  }
}
