package dev.invoicebridge.attio;

/**
 * A conflict (409): a duplicate slug or title ({@code slug_conflict}) or a concurrent write to the
 * same record.
 */
public final class AttioConflictException extends AttioException {
  private static final long serialVersionUID = 1L;

  public AttioConflictException(AttioErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
