package dev.invoicebridge.sandbox.stripe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sandbox delivers webhooks, beyond what Stripe promises (at least once, in no particular
 * order), so tests can make duplicates and disorder happen on purpose.
 *
 * @param duplicates every delivery twice, the copy right behind the original
 * @param outOfOrder each call's events in reverse order (e.g. {@code invoice.updated} before {@code
 *     invoice.paid})
 * @param shuffled random order across everything pending for an endpoint
 * @param duplicateRatio the fraction of deliveries made twice (0 to 1), the copy at a random later
 *     position: exactly that share of a released batch, each delivery with that chance otherwise
 * @param seed the seed of every random choice, for a reproducible order; empty picks one
 * @param hold keep deliveries back until they are released as one batch
 * @param retryBase the wait before the first retry of a failed delivery, doubling after that
 */
public record WebhookSwitches(
    boolean duplicates,
    boolean outOfOrder,
    boolean shuffled,
    double duplicateRatio,
    Optional<Long> seed,
    boolean hold,
    Duration retryBase) {
  public WebhookSwitches {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(retryBase, "retryBase");
    if (!(duplicateRatio >= 0 && duplicateRatio <= 1)) {
      throw new IllegalArgumentException("duplicate_ratio must be between 0 and 1.");
    }
    if (retryBase.isNegative()) {
      throw new IllegalArgumentException("retry_base_ms must not be negative.");
    }
  }

  /** Stripe's behaviour: in order, once each, the first retry after 10 seconds. */
  public static WebhookSwitches normal() {
    return new WebhookSwitches(
        false, false, false, 0, Optional.empty(), false, Duration.ofSeconds(10));
  }
}
