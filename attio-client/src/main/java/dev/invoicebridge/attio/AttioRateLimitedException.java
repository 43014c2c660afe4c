package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.Optional;

/**
 * Attio answered 429 and the client's retries did not get through. Attio did not process the
 * request, so it is always safe to try again after {@link #retryAfter()}.
 */
public final class AttioRateLimitedException extends AttioException {
  private static final long serialVersionUID = 1L;

  private final Instant retryAfter;

  public AttioRateLimitedException(
      AttioErrorDetails details, String message, Instant retryAfter, Throwable cause) {
    super(details, message, cause);
    this.retryAfter = retryAfter;
  }

  /** When Attio said to try again ({@code Retry-After}), if it said. */
  public Optional<Instant> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
