package dev.invoicebridge.quickbooks;

/**
 * An error QuickBooks answered (either fault shape), or a failure to reach it. Keeps Intuit's error
 * code and the {@code intuit_tid} of the response for support requests.
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

  /** HTTP status QuickBooks answered, or 0 when no answer arrived. */
  public int statusCode() {
    return statusCode;
  }

  public String code() {
    return code;
  }

  public String intuitTid() {
    return intuitTid;
  }
}
