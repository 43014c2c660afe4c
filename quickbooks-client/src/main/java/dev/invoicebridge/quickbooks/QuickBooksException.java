package dev.invoicebridge.quickbooks;

/**
 * An error QuickBooks answered (either fault shape), or a failure to reach it. Keeps Intuit's error
 * code, the HTTP status and the {@code intuit_tid} of the response for support requests. Callers
 * branch on the subclass (see {@link QuickBooksErrors#from}), never on the message.
 */
public class QuickBooksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String code;
  private final String intuitTid;

  public QuickBooksException(
      int statusCode, String code, String message, String intuitTid, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.code = code;
    this.intuitTid = intuitTid;
  }

  QuickBooksException(QuickBooksErrors.Details details) {
    this(details.status(), details.code(), details.message(), details.intuitTid(), details.cause());
  }

  /** HTTP status QuickBooks answered, or 0 when no answer arrived. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Intuit's error code ({@code "6240"}, {@code "3200"}, or an OAuth error such as {@code
   * invalid_grant}).
   */
  public String code() {
    return code;
  }

  /** The {@code intuit_tid} header of the failed response, for Intuit support; null if none. */
  public String intuitTid() {
    return intuitTid;
  }

  /** The access token was rejected (401, code 3200) even after a refresh. */
  public static final class Unauthorized extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    Unauthorized(QuickBooksErrors.Details d) {
      super(d);
    }
  }

  /**
   * The connection is dead: the refresh token was revoked, superseded or expired ({@code
   * invalid_grant}), or the app lost access to the company (403). The admin must reconnect.
   */
  public static final class ReconnectRequired extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    ReconnectRequired(QuickBooksErrors.Details d) {
      super(d);
    }
  }

  /** QuickBooks throttled the company (429, code 3001) and the client's retries ran out. */
  public static final class RateLimited extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    RateLimited(QuickBooksErrors.Details d) {
      super(d);
    }
  }

  /** The object does not exist or was deleted (code 610). */
  public static final class NotFound extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    NotFound(QuickBooksErrors.Details d) {
      super(d);
    }
  }

  /** The SyncToken sent is not the current one (code 5010): someone else changed the object. */
  public static final class StaleObject extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    StaleObject(QuickBooksErrors.Details d) {
      super(d);
    }
  }

  /** The name is already used by another customer, vendor or employee (code 6240). */
  public static final class DuplicateName extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    DuplicateName(QuickBooksErrors.Details d) {
      super(d);
    }
  }

  /** The request broke a business or validation rule (other 400s); the message says which. */
  public static final class Validation extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    Validation(QuickBooksErrors.Details d) {
      super(d);
    }
  }

  /** QuickBooks failed or could not be reached (5xx, network); retrying later may succeed. */
  public static final class Transient extends QuickBooksException {
    private static final long serialVersionUID = 1L;

    Transient(QuickBooksErrors.Details d) {
      super(d);
    }
  }
}
