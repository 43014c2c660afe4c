package dev.invoicebridge.attio;

/**
 * Attio refused the request as invalid (400: {@code validation_type}, {@code value_not_found},
 * {@code missing_value}, {@code filter_error}, {@code uniqueness_conflict}, ...); see {@link
 * #code()}.
 */
public final class AttioValidationException extends AttioException {
  private static final long serialVersionUID = 1L;

  public AttioValidationException(AttioErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
