package dev.invoicebridge.sandbox.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's idempotency layer: the first result for a key (success or error) is replayed; the same
 * key with other parameters is an {@code idempotency_error}; a concurrent duplicate gets 409; keys
 * are pruned after 24 hours.
 */
final class IdempotencyKeys {
  private static final Duration RETENTION = Duration.ofHours(24);

  /** The first request's fingerprint and its stored answer. */
  record Stored(String fingerprint, Response response, Instant at) {}

  private final Clock clock;
  private final Map<String, Stored> stored = new HashMap<>();
  private final Set<String> inFlight = new HashSet<>();

  IdempotencyKeys(Clock clock) {
    this.clock = clock;
  }

  /** The stored answer to replay, or empty when the caller should execute (and then finish). */
  synchronized java.util.Optional<Response> begin(String key, String fingerprint) {
    Instant now = clock.instant();
    stored.values().removeIf(s -> s.at().plus(RETENTION).isBefore(now));
    if (key.length() > 255) {
      throw StripeApiException.invalid(
          "Idempotency-Key", "Idempotency-Key must be at most 255 characters long.");
    }
    if (inFlight.contains(key)) {
      throw StripeApiException.of(
          409,
          "invalid_request_error",
          "idempotency_key_in_use",
          "There is currently another in-progress request using this Idempotent Key (that"
              + " probably means you submitted twice, and the other request is still going"
              + " through): "
              + key
              + ". Please try again later.");
    }
    Stored s = stored.get(key);
    if (s == null) {
      inFlight.add(key);
      return java.util.Optional.empty();
    }
    if (!s.fingerprint().equals(fingerprint)) {
      throw StripeApiException.of(
          400,
          "idempotency_error",
          null,
          "Keys for idempotent requests can only be used with the same parameters they were first"
              + " used with. Try using a key other than '"
              + key
              + "' if you meant to execute a different request.");
    }
    return java.util.Optional.of(s.response());
  }

  synchronized void finish(String key, String fingerprint, Response response) {
    inFlight.remove(key);
    stored.put(key, new Stored(fingerprint, response, clock.instant()));
  }

  /**
   * The call failed validation before it executed: nothing is stored, a retry may reuse the key.
   */
  synchronized void abandon(String key) {
    inFlight.remove(key);
  }
}
