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
  // Almost every refusal leaves the account as it was (the call is undone); a failed payment
  // attempt is the exception: Stripe records the attempt and still answers with an error.
  private final boolean keepsChanges;

  private StripeApiException(
      int status, String type, String code, String param, String message, boolean before) {
    this(status, type, code, param, message, before, false);
  }

  private StripeApiException(
      int status,
      String type,
      String code,
      String param,
      String message,
      boolean before,
      boolean keepsChanges) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.beforeExecution = before;
    this.keepsChanges = keepsChanges;
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

  /**
   * A parameter the endpoint does not take. Stripe's wording; {@code parameter_unknown} is the code
   * Stripe's error-code list gives for it.
   */
  static StripeApiException unknownParameter(String param) {
    return new StripeApiException(
        400,
        "invalid_request_error",
        "parameter_unknown",
        param,
        "Received unknown parameter: " + param,
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

  /** A refusal of the invoice state machine: 400 invalid_request_error, no code, no param. */
  static StripeApiException transition(String message) {
    return new StripeApiException(400, "invalid_request_error", null, null, message, false);
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

  boolean keepsChanges() {
    return keepsChanges;
  }

  /** The same error, answered after the changes the call made are kept. */
  StripeApiException keepingChanges() {
    return new StripeApiException(status, type, code, param, getMessage(), beforeExecution, true);
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
