package dev.invoicebridge.attio;

/** The object, attribute, record or webhook does not exist (404 {@code not_found}). */
public final class AttioNotFoundException extends AttioException {
  private static final long serialVersionUID = 1L;

  public AttioNotFoundException(AttioErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
