package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.http.Exchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Lets an API call through, or answers it with an injected fault or Attio's 429. */
final class Admission {
  private final FaultInjector faults;
  private final RateLimiter limiter;
  private final Clock clock;

  Admission(FaultInjector faults, RateLimiter limiter, Clock clock) {
    this.faults = faults;
    this.limiter = limiter;
    this.clock = clock;
  }

  /**
   * Faults first, then the token's rate limit.
   *
   * @return empty when the call was answered already; otherwise how long to hold the answer back
   *     after processing the call (zero unless a lost-answer fault is due)
   */
  Optional<Duration> admit(Exchange ex, String token, boolean write) {
    Optional<FaultInjector.Fault> fault = faults.next();
    if (fault.isPresent() && fault.get().kind() == FaultInjector.Kind.LOST_ANSWER) {
      return Optional.of(fault.get().hang());
    }
    if (fault.isPresent()) {
      answer(ex, fault.get());
      return Optional.empty();
    }
    Optional<Instant> retryAt = limiter.acquire(token, write);
    if (retryAt.isPresent()) {
      rateLimited(ex, retryAt.get());
      return Optional.empty();
    }
    return Optional.of(Duration.ZERO);
  }

  private void answer(Exchange ex, FaultInjector.Fault fault) {
    switch (fault.kind()) {
      case SERVER_ERROR ->
          AttioSandboxServlet.error(
              ex,
              new AttioProblem(
                  fault.status(),
                  "api_error",
                  "internal_server_error",
                  "An unexpected error occurred."));
      // An HTTP date has whole seconds: name the second after next, so it is always ahead.
      case RATE_LIMIT ->
          rateLimited(ex, clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2));
      case TIMEOUT, LOST_ANSWER -> {
        // Holds the connection past the client's timeout; the call is never processed.
        hold(fault.hang());
        AttioSandboxServlet.error(
            ex, new AttioProblem(504, "api_error", "gateway_timeout", "The request timed out."));
      }
    }
  }

  /** Keeps the answer back (the servlet thread waits, as a slow upstream would). */
  static void hold(Duration hang) {
    if (hang.isZero()) {
      return;
    }
    try {
      Thread.sleep(hang);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * An HTTP date in its only sendable form, IMF-fixdate ("Tue, 03 Jun 2008 11:05:30 GMT"); Java's
   * RFC 1123 formatter writes a one-digit day, which HTTP dates do not allow.
   */
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** Attio's 429: Retry-After is an HTTP date, not a number of seconds. */
  private static void rateLimited(Exchange ex, Instant retryAt) {
    ex.header("Retry-After", HTTP_DATE.format(retryAt));
    AttioSandboxServlet.error(
        ex,
        new AttioProblem(
            429,
            "rate_limit_error",
            "rate_limit_exceeded",
            "Rate limit exceeded, please try again later"));
  }
}
