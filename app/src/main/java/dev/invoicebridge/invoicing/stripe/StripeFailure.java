package dev.invoicebridge.invoicing.stripe;

import java.io.Serial;
import java.util.Optional;

/**
 * Why a Stripe call failed, in our terms. Callers branch on the subtype, never on the message;
 * every failure carries Stripe's error code, the HTTP status and Stripe's request id when known.
 * Messages never contain a key: Stripe quotes part of it in some errors, which is removed.
 */
public abstract sealed class StripeFailure extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final String providerCode;
  private final int httpStatus;
  private final String requestId;

  StripeFailure(String message, Details details, Throwable cause) {
    super(redact(message), cause);
    this.providerCode = details.code();
    this.httpStatus = details.status();
    this.requestId = details.requestId();
  }

  /** A state conflict we concluded from {@code cause} (Stripe's code, status and request id). */
  static StateConflict stateConflict(String message, StripeFailure cause) {
    return new StateConflict(
        message, new Details(cause.providerCode, cause.httpStatus, cause.requestId), cause);
  }

  /** A state conflict we found ourselves, before asking Stripe (no code, status or request id). */
  static StateConflict stateConflict(String message) {
    return new StateConflict(message, new Details(null, 0, null), null);
  }

  /** What every failure knows about the answer that caused it. */
  record Details(String code, int status, String requestId) {}

  /** Stripe's error code, such as {@code resource_missing}, when it sent one. */
  public Optional<String> providerCode() {
    return Optional.ofNullable(providerCode);
  }

  /** The HTTP status, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Whether trying the same call again later may succeed (the job system decides when). */
  public boolean transientFailure() {
    return this instanceof RateLimited || this instanceof Connection || this instanceof ServerError;
  }

  static String redact(String message) {
    return message == null
        ? null
        : message
            .replaceAll("(sk|rk|pk)_(test|live)_[A-Za-z0-9*.]+", "$1_$2_[redacted]")
            // An unparseable answer is quoted whole; a webhook endpoint's would hold its secret.
            .replaceAll("whsec_[A-Za-z0-9]+", "whsec_[redacted]");
  }

  /** The key is wrong, expired or revoked (HTTP 401). */
  public static final class Authentication extends StripeFailure {
    @Serial private static final long serialVersionUID = 1L;

    Authentication(String message, Details details, Throwable cause) {
      super(message, details, cause);
    }
  }

  /** A restricted key lacks a permission (HTTP 403); the permission is named when Stripe did. */
  public static final class Permission extends StripeFailure {
    @Serial private static final long serialVersionUID = 1L;
    private final String missingPermission;

    Permission(String message, Details details, String missingPermission, Throwable cause) {
      super(message, details, cause);
      this.missingPermission = missingPermission;
    }

    /** Stripe's permission id, such as {@code invoice_write}. */
    public Optional<String> missingPermission() {
      return Optional.ofNullable(missingPermission);
    }
  }

  /** Too many requests (HTTP 429), still so after our own backoff. */
  public static final class RateLimited extends StripeFailure {
    @Serial private static final long serialVersionUID = 1L;

    RateLimited(String message, Details details, Throwable cause) {
      super(message, details, cause);
    }
  }

  /** Stripe refused the request's content (HTTP 400/404); {@link #param} names the field. */
  public static sealed class InvalidRequest extends StripeFailure permits NotFound {
    @Serial private static final long serialVersionUID = 1L;
    private final String param;

    InvalidRequest(String message, Details details, String param, Throwable cause) {
      super(message, details, cause);
      this.param = param;
    }

    public Optional<String> param() {
      return Optional.ofNullable(param);
    }
  }

  /** The object does not exist ({@code resource_missing}). */
  public static final class NotFound extends InvalidRequest {
    @Serial private static final long serialVersionUID = 1L;

    NotFound(String message, Details details, String param, Throwable cause) {
      super(message, details, param, cause);
    }
  }

  /**
   * The object is not in a state that allows the call, such as voiding a paid invoice, or an
   * idempotency key reused with other parameters.
   */
  public static final class StateConflict extends StripeFailure {
    @Serial private static final long serialVersionUID = 1L;

    StateConflict(String message, Details details, Throwable cause) {
      super(message, details, cause);
    }
  }

  /** Stripe could not be reached or did not answer in time; the outcome is unknown. */
  public static final class Connection extends StripeFailure {
    @Serial private static final long serialVersionUID = 1L;

    Connection(String message, Details details, Throwable cause) {
      super(message, details, cause);
    }
  }

  /** Stripe failed on its side (HTTP 5xx or an unexpected answer). */
  public static final class ServerError extends StripeFailure {
    @Serial private static final long serialVersionUID = 1L;

    ServerError(String message, Details details, Throwable cause) {
      super(message, details, cause);
    }
  }
}
