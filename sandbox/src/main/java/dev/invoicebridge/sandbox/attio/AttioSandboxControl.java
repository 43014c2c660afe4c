package dev.invoicebridge.sandbox.attio;

import java.time.Duration;
import java.util.List;

/**
 * The sandbox's switches, for tests in-process and for the control endpoint: faults for the next
 * calls, rate limits, a reset, and the webhook deliveries made so far. Real Attio has none of this.
 */
public interface AttioSandboxControl {
  /** The next {@code count} API calls answer {@code status} (a 5xx) without being processed. */
  void failNext(int count, int status);

  /** The next {@code count} API calls hang for {@code hang}, then answer 504 unprocessed. */
  void hangNext(int count, Duration hang);

  /**
   * The next {@code count} API calls are processed, then their answer is held back for {@code
   * hang}: a caller that times out meanwhile does not know the call was applied.
   */
  void loseAnswerNext(int count, Duration hang);

  /** The next {@code count} API calls answer 429 with a Retry-After 1 to 2 s ahead. */
  void rateLimitNext(int count);

  void clearFaults();

  /** Per-token limits; Attio's are 100 reads/s and 25 writes/s. */
  void rateLimits(double readsPerSecond, double writesPerSecond);

  /** Forgets everything: standard objects only, plus the demo records when {@code demo}. */
  void reset(boolean demo);

  /** Every outbound webhook delivery attempt so far, oldest first. */
  List<WebhookAttempt> webhookAttempts();
}
