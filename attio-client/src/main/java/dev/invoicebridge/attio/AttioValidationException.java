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

  /**
   * Whether a value clashed with a unique attribute ({@code uniqueness_conflict}). Attio answers
   * that with 400, not 409, so it arrives here rather than as a conflict: an assert on the unique
   * attribute adopts the existing record instead.
   */
  public boolean isUniquenessConflict() {
    return "uniqueness_conflict".equals(code());
  }
}
