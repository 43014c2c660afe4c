package dev.invoicebridge.attio;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a client runs.
 *
 * @param retryPolicy attempts per call, the longest {@code Retry-After} worth waiting for, and the
 *     deadline of a whole call
 */
public record AttioClientSettings(
    URI baseUrl,
    Supplier<String> token,
    Timeouts timeouts,
    RateLimits rateLimits,
    RetryPolicy retryPolicy,
    AttioMetrics metrics,
    Clock clock) {
  public AttioClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
  }

  Duration connectTimeout() {
    return timeouts.connect();
  }

  Duration requestTimeout() {
    return timeouts.request();
  }

  double readsPerSecond() {
    return rateLimits.readsPerSecond();
  }

  double writesPerSecond() {
    return rateLimits.writesPerSecond();
  }

  @Override
  public String toString() {
    return "AttioClientSettings[baseUrl=" + baseUrl + ", token=redacted]";
  }

  /**
   * Attempts per call (the first included), the longest {@code Retry-After} worth waiting for, and
   * the deadline of one call as the caller sees it: waiting for a rate-limit slot, every attempt
   * and every wait between attempts together. Past it the call ends in {@link
   * AttioTransientException}.
   */
  public record RetryPolicy(int maxAttempts, Duration maxRetryAfter, Duration callDeadline) {
    public RetryPolicy {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      if (callDeadline == null || !callDeadline.isPositive()) {
        throw new IllegalArgumentException("callDeadline must be positive");
      }
    }
  }

  /** Bounds on every attempt: to open the connection, and for the whole exchange. */
  public record Timeouts(Duration connect, Duration request) {}

  /** The per-token rates to stay under; Attio's are 100 reads/s and 25 writes/s. */
  public record RateLimits(double readsPerSecond, double writesPerSecond) {
    public static final RateLimits ATTIO = new RateLimits(100, 25);

    public RateLimits {
      if (readsPerSecond <= 0 || writesPerSecond <= 0) {
        throw new IllegalArgumentException("rate limits must be positive");
      }
    }
  }

  /** Builds settings from Attio's defaults. */
  public static final class Builder {
    private final URI baseUrl;
    private final Supplier<String> token;
    private Timeouts timeouts = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));
    private RateLimits rateLimits = RateLimits.ATTIO;
    private int maxAttempts = 4;
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private Duration callDeadline = Duration.ofSeconds(60);
    private AttioMetrics metrics = AttioMetrics.NONE;
    private Clock clock = Clock.systemUTC();

    Builder(URI baseUrl, Supplier<String> token) {
      this.baseUrl = baseUrl;
      this.token = token;
    }

    public Builder timeouts(Duration connect, Duration request) {
      this.timeouts = new Timeouts(connect, request);
      return this;
    }

    public Builder rateLimits(RateLimits limits) {
      this.rateLimits = limits;
      return this;
    }

    /** Attempts per call, first included (1 disables retries). */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /** A 429 whose {@code Retry-After} is further away than this goes to the caller. */
    public Builder maxRetryAfter(Duration wait) {
      this.maxRetryAfter = wait;
      return this;
    }

    /**
     * The longest one call may take, queueing for a rate-limit slot, attempts and waits included
     * (default 60 s).
     */
    public Builder callDeadline(Duration deadline) {
      this.callDeadline = deadline;
      return this;
    }

    public Builder metrics(AttioMetrics newMetrics) {
      this.metrics = newMetrics;
      return this;
    }

    public Builder clock(Clock newClock) {
      this.clock = newClock;
      return this;
    }

    public AttioClientSettings settings() {
      return new AttioClientSettings(
          baseUrl,
          token,
          timeouts,
          rateLimits,
          new RetryPolicy(maxAttempts, maxRetryAfter, callDeadline),
          metrics,
          clock);
    }

    public HttpAttioClient build() {
      return new HttpAttioClient(settings());
    }
  }
}
