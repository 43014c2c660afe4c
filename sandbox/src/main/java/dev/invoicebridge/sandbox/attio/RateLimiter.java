package dev.invoicebridge.sandbox.attio;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attio's rate limits: a token bucket per API token for reads and another for writes (100/s and
 * 25/s at Attio), each holding at most one second's worth of calls.
 */
final class RateLimiter {
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile double readsPerSecond;
  private volatile double writesPerSecond;

  RateLimiter(Clock clock, double readsPerSecond, double writesPerSecond) {
    this.clock = clock;
    limits(readsPerSecond, writesPerSecond);
  }

  void limits(double reads, double writes) {
    if (reads <= 0 || writes <= 0) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
    this.readsPerSecond = reads;
    this.writesPerSecond = writes;
    buckets.clear();
  }

  /** Empty when the call may go ahead; otherwise when to retry (rounded up to a whole second). */
  Optional<Instant> acquire(String token, boolean write) {
    double rate = write ? writesPerSecond : readsPerSecond;
    Bucket bucket =
        buckets.computeIfAbsent(
            token + (write ? "|w" : "|r"), k -> new Bucket(rate, clock.instant()));
    return bucket.take(clock.instant());
  }

  private static final class Bucket {
    private final double rate;
    private double tokens;
    private Instant last;

    Bucket(double rate, Instant now) {
      this.rate = rate;
      this.tokens = rate;
      this.last = now;
    }

    synchronized Optional<Instant> take(Instant now) {
      double elapsed = Math.max(0, (now.toEpochMilli() - last.toEpochMilli()) / 1000.0);
      tokens = Math.min(rate, tokens + elapsed * rate);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      long readyMillis = now.toEpochMilli() + (long) Math.ceil((1 - tokens) / rate * 1000);
      // Retry-After is an HTTP date, so whole seconds: the first second at which a call fits.
      return Optional.of(Instant.ofEpochSecond((readyMillis + 999) / 1000));
    }
  }
}
