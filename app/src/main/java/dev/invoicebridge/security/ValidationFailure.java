package dev.invoicebridge.security;

import java.util.Map;

/** Input that cannot be accepted, with one message per offending field. */
public final class ValidationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> fieldErrors;

  public ValidationFailure(Map<String, String> fieldErrors) {
    super("invalid input: " + String.join(", ", fieldErrors.keySet()));
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public ValidationFailure(String field, String message) {
    this(Map.of(field, message));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
