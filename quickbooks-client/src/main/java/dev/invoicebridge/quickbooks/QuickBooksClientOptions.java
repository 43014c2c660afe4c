package dev.invoicebridge.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client paces, times out and retries.
 *
 * @param requestTimeout bound on every HTTP call
 * @param backoff first wait before retrying a throttled or failed call; doubles each attempt
 * @param maxAttempts attempts per call, the first included
 * @param limiters the per-realm pacing shared by clients of the same realm
 * @param clock decides the CDC 30-day window
 * @param queryPageSize MAXRESULTS per query page, at most 1000
 */
public record QuickBooksClientOptions(
    Duration requestTimeout,
    Duration backoff,
    int maxAttempts,
    RealmLimiters limiters,
    Clock clock,
    int queryPageSize) {
  public QuickBooksClientOptions {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(limiters, "limiters");
    Objects.requireNonNull(clock, "clock");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (queryPageSize < 1 || queryPageSize > 1000) {
      throw new IllegalArgumentException("queryPageSize must be 1 to 1000");
    }
  }

  /**
   * Production defaults: 30 s timeout; throttling backs off from 5 s doubling to a minute (Intuit's
   * window is per minute and 429s carry no Retry-After), seven attempts in all.
   */
  public static QuickBooksClientOptions defaults() {
    return new QuickBooksClientOptions(
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        7,
        RealmLimiters.shared(),
        Clock.systemUTC(),
        1000);
  }

  public QuickBooksClientOptions withBackoff(Duration first) {
    return new QuickBooksClientOptions(
        requestTimeout, first, maxAttempts, limiters, clock, queryPageSize);
  }

  public QuickBooksClientOptions withLimiters(RealmLimiters shared) {
    return new QuickBooksClientOptions(
        requestTimeout, backoff, maxAttempts, shared, clock, queryPageSize);
  }

  public QuickBooksClientOptions withClock(Clock now) {
    return new QuickBooksClientOptions(
        requestTimeout, backoff, maxAttempts, limiters, now, queryPageSize);
  }

  public QuickBooksClientOptions withQueryPageSize(int size) {
    return new QuickBooksClientOptions(requestTimeout, backoff, maxAttempts, limiters, clock, size);
  }
}
