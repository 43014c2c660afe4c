package dev.invoicebridge.attio;

import java.time.Instant;

/** Maps Attio's error answers onto the exception hierarchy: the one place that knows statuses. */
final class AttioErrors {
  private AttioErrors() {}

  /**
   * The exception for an error answer.
   *
   * @param details Attio's {@code status_code}/{@code type}/{@code code} and the request id
   * @param message Attio's message (never holds the token: Attio does not echo it)
   * @param retryAfter the parsed {@code Retry-After}, or null
   */
  static AttioException fromAnswer(AttioErrorDetails details, String message, Instant retryAfter) {
    return switch (details.statusCode()) {
      case 401, 403 -> new AttioAuthException(details, message, null);
      case 404 -> new AttioNotFoundException(details, message, null);
      case 409 -> new AttioConflictException(details, message, null);
      case 429 -> new AttioRateLimitedException(details, message, retryAfter, null);
      // 503 means Attio refused before processing; other 5xx and 408 may have been applied.
      case 503 -> new AttioTransientException(details, message, false, null);
      case 408, 500, 502, 504 -> new AttioTransientException(details, message, true, null);
      default ->
          details.statusCode() >= 500
              ? new AttioTransientException(details, message, true, null)
              : new AttioValidationException(details, message, null);
    };
  }

  /** The exception for a call that got no answer; {@code sent} when it may have been applied. */
  static AttioException noAnswer(boolean sent, Throwable cause) {
    String message =
        sent
            ? "Attio did not answer in time; the call may or may not have been applied"
            : "Could not connect to Attio";
    return new AttioTransientException(
        AttioErrorDetails.noAnswer("connection_error"), message, sent, cause);
  }
}
