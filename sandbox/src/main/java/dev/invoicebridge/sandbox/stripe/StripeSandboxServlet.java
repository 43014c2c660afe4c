package dev.invoicebridge.sandbox.stripe;

import dev.invoicebridge.sandbox.http.Exchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Emulates Stripe's API: secret-key auth, Stripe's error envelope, and the account endpoint. */
public final class StripeSandboxServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient Supplier<String> acceptedKey;
  private final String accountId;

  public StripeSandboxServlet(Supplier<String> acceptedKey, String accountId) {
    this.acceptedKey = acceptedKey;
    this.accountId = accountId;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    Exchange ex = new Exchange(req, resp);
    ex.header(
        "Request-Id", "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14));
    if (!ex.bearerToken().filter(t -> t.equals(acceptedKey.get())).isPresent()) {
      // Stripe never echoes the key it was given.
      error(
          ex,
          401,
          "invalid_request_error",
          null,
          "Invalid API Key provided. Check your API key in the Stripe Dashboard.");
      return;
    }
    if (ex.method().equals("GET") && ex.path().equals("/v1/account")) {
      ex.json(200, account());
      return;
    }
    error(
        ex,
        404,
        "invalid_request_error",
        null,
        "Unrecognized request URL (" + ex.method() + ": " + ex.path() + ").");
  }

  private Map<String, Object> account() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", accountId);
    body.put("object", "account");
    body.put("business_profile", Map.of("name", "Invoicebridge Sandbox Ltd"));
    body.put("charges_enabled", true);
    body.put("country", "US");
    body.put("default_currency", "usd");
    body.put("details_submitted", true);
    body.put("email", "billing@sandbox.invoicebridge.dev");
    body.put("payouts_enabled", true);
    body.put("type", "standard");
    return body;
  }

  /** Stripe's error envelope: {"error": {type, code, message, param}}. */
  static void error(Exchange ex, int status, String type, String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
    }
    error.put("message", message);
    ex.json(status, Map.of("error", error));
  }
}
