package dev.invoicebridge.sandbox.attio;

import java.io.Serial;

/** An error answer in Attio's shape: {@code {status_code, type, code, message}}. */
final class AttioProblem extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  final int status;
  final String type;
  final String code;

  AttioProblem(int status, String type, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
  }

  static AttioProblem invalid(String code, String message) {
    return new AttioProblem(400, "invalid_request_error", code, message);
  }

  static AttioProblem validation(String message) {
    return invalid("validation_type", message);
  }

  static AttioProblem notFound(String message) {
    return new AttioProblem(404, "invalid_request_error", "not_found", message);
  }

  static AttioProblem slugConflict(String message) {
    return new AttioProblem(409, "invalid_request_error", "slug_conflict", message);
  }

  static AttioProblem valueNotFound(String message) {
    return invalid("value_not_found", message);
  }

  static AttioProblem filter(String message) {
    return invalid("filter_error", message);
  }
}
