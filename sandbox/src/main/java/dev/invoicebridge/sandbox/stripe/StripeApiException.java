package dev.invoicebridge.sandbox.stripe;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Stripe API error as the emulator answers it: status plus Stripe's error envelope. */
final class StripeApiException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String code;
  private final String param;
  // Validation failures happen before execution starts, so Stripe does not store them under an
  // idempotency key; the client may retry with the same key.
  private final boolean beforeExecution;

  private StripeApiException(
      int status, String type, String code, String param, String message, boolean before) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.beforeExecution = before;
  }

  static StripeApiException invalid(String param, String message) {
    return new StripeApiException(400, "invalid_request_error", null, param, message, true);
  }

  static StripeApiException missing(String param) {
    return new StripeApiException(
        400,
        "invalid_request_error",
        "parameter_missing",
        param,
        "Missing required param: " + param + ".",
        true);
  }

  static StripeApiException notFound(String noun, String id, String param) {
    return new StripeApiException(
        404,
        "invalid_request_error",
        "resource_missing",
        param,
        "No such " + noun + ": '" + id + "'",
        false);
  }

  static StripeApiException state(String code, String message) {
    return new StripeApiException(400, "invalid_request_error", code, null, message, false);
  }

  static StripeApiException of(int status, String type, String code, String message) {
    return new StripeApiException(status, type, code, null, message, false);
  }

  int status() {
    return status;
  }

  boolean beforeExecution() {
    return beforeExecution;
  }

  /** Stripe's envelope: {"error": {type, code, message, param}}. */
  Map<String, Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", getMessage());
    if (param != null) {
      error.put("param", param);
    }
    return Map.of("error", error);
  }
}
