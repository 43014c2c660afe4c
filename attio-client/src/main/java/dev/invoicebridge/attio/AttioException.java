package dev.invoicebridge.attio;

/**
 * An error Attio answered, or a failure to reach it. Callers branch on the subtype (auth, not
 * found, validation, conflict, rate limited, transient) and on {@link #code()}, never on message
 * text. Messages never contain the token.
 */
public abstract sealed class AttioException extends RuntimeException
    permits AttioAuthException,
        AttioNotFoundException,
        AttioValidationException,
        AttioConflictException,
        AttioRateLimitedException,
        AttioTransientException {
  private static final long serialVersionUID = 1L;

  private final AttioErrorDetails details;

  protected AttioException(AttioErrorDetails details, String message, Throwable cause) {
    super(message, cause);
    this.details = details;
  }

  /** HTTP status Attio answered, or 0 when no answer arrived. */
  public int statusCode() {
    return details.statusCode();
  }

  /** Attio's error type, such as {@code invalid_request_error}. */
  public String type() {
    return details.type();
  }

  /** Attio's error code, such as {@code value_not_found}; null when Attio sent none. */
  public String code() {
    return details.code();
  }

  /** The request id Attio answered with, or null. */
  public String requestId() {
    return details.requestId();
  }

  public AttioErrorDetails details() {
    return details;
  }
}
