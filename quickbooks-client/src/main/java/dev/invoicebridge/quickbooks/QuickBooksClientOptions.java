package dev.invoicebridge.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client paces, times out and retries.
 *
 * @param requestTimeout bound on every HTTP call
 * @param retry when and how long to wait before trying a failed call again
 * @param limiters the per-realm pacing shared by clients of the same realm
 * @param clock decides the CDC 30-day window
 * @param queryPageSize MAXRESULTS per query page, at most 1000
 */
public record QuickBooksClientOptions(
    Duration requestTimeout, Retry retry, RealmLimiters limiters, Clock clock, int queryPageSize) {
  public QuickBooksClientOptions {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(limiters, "limiters");
    Objects.requireNonNull(clock, "clock");
    if (queryPageSize < 1 || queryPageSize > 1000) {
      throw new IllegalArgumentException("queryPageSize must be 1 to 1000");
    }
  }

  /**
   * Retry settings; {@link RetryRules} applies them.
   *
   * @param backoff first wait after a 5xx or a lost connection; doubles each attempt (max 60 s)
   * @param throttleBackoff first wait after a 429; Intuit sends no Retry-After and advises backing
   *     off at least a minute, so this is the floor of every wait after a 429
   * @param maxAttempts attempts per call, the first included
   * @param deadline no retry starts if its wait would end later than this after the first attempt
   */
  public record Retry(
      Duration backoff, Duration throttleBackoff, int maxAttempts, Duration deadline) {
    public Retry {
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(throttleBackoff, "throttleBackoff");
      Objects.requireNonNull(deadline, "deadline");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
    }
  }

  /**
   * For background work (jobs, sync): 30 s timeout; server errors back off from 5 s doubling;
   * throttling waits at least a minute (Intuit's guidance for 429, which carries no Retry-After);
   * seven attempts, all within fifteen minutes; Intuit's advised pacing (see {@link
   * RealmLimiters#shared()}).
   */
  public static QuickBooksClientOptions defaults() {
    return new QuickBooksClientOptions(
        Duration.ofSeconds(30),
        new Retry(Duration.ofSeconds(5), Duration.ofSeconds(60), 7, Duration.ofMinutes(15)),
        RealmLimiters.shared(),
        Clock.systemUTC(),
        1000);
  }

  /**
   * For a call a person waits on (a settings page): 10 s timeout, one quick retry of a server
   * error, and nothing that could keep the page waiting longer than 10 s; a throttled call fails at
   * once instead of waiting out Intuit's minute.
   */
  public static QuickBooksClientOptions interactive() {
    return defaults()
        .withRequestTimeout(Duration.ofSeconds(10))
        .withRetry(
            new Retry(Duration.ofMillis(500), Duration.ofSeconds(60), 2, Duration.ofSeconds(10)));
  }

  public QuickBooksClientOptions withRequestTimeout(Duration timeout) {
    return new QuickBooksClientOptions(timeout, retry, limiters, clock, queryPageSize);
  }

  public QuickBooksClientOptions withRetry(Retry r) {
    return new QuickBooksClientOptions(requestTimeout, r, limiters, clock, queryPageSize);
  }

  /** Both first waits set to {@code first} (tests use milliseconds). */
  public QuickBooksClientOptions withBackoff(Duration first) {
    return withRetry(new Retry(first, first, retry.maxAttempts(), retry.deadline()));
  }

  public QuickBooksClientOptions withLimiters(RealmLimiters shared) {
    return new QuickBooksClientOptions(requestTimeout, retry, shared, clock, queryPageSize);
  }

  public QuickBooksClientOptions withClock(Clock now) {
    return new QuickBooksClientOptions(requestTimeout, retry, limiters, now, queryPageSize);
  }

  public QuickBooksClientOptions withQueryPageSize(int size) {
    return new QuickBooksClientOptions(requestTimeout, retry, limiters, clock, size);
  }
}
