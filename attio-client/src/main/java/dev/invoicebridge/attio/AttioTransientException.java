package dev.invoicebridge.attio;

/**
 * Attio failed or could not be reached (5xx, 408, connection error, timeout) and the client's own
 * retries ran out or were not safe. When {@link #outcomeUnknown()} holds, the request may have been
 * applied: record the call as pending and let a reconciler settle it.
 */
public final class AttioTransientException extends AttioException {
  private static final long serialVersionUID = 1L;

  private final boolean outcomeUnknown;

  public AttioTransientException(
      AttioErrorDetails details, String message, boolean outcomeUnknown, Throwable cause) {
    super(details, message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** Whether the request may have reached Attio and been applied before the failure. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
