package dev.invoicebridge.attio;

/**
 * Attio rejected the token (401) or its scopes do not cover the call (403); retrying will not help.
 */
public final class AttioAuthException extends AttioException {
  private static final long serialVersionUID = 1L;

  public AttioAuthException(AttioErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
