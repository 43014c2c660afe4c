package dev.invoicebridge.quickbooks;

/** Maps what QuickBooks answered to the exception hierarchy, in one switch. */
public final class QuickBooksErrors {
  private QuickBooksErrors() {}

  /**
   * What is known about one failure.
   *
   * @param status HTTP status, 0 when no answer arrived
   * @param code Intuit's error code or OAuth error, null if none
   * @param message Intuit's message and detail (never a token)
   * @param intuitTid the response's {@code intuit_tid}
   * @param cause the I/O failure, if any
   */
  public record Details(
      int status, String code, String message, String intuitTid, Throwable cause) {}

  /** The one place that decides which exception a failure becomes. */
  public static QuickBooksException from(Details d) {
    String code = d.code() == null ? "" : d.code().replaceFirst("^0+(?=\\d)", "");
    return switch (code) {
      case "invalid_grant", "invalid_client", "3100", "120" ->
          new QuickBooksException.ReconnectRequired(d);
      case "3200", "3201" -> new QuickBooksException.Unauthorized(d);
      case "3001" -> new QuickBooksException.RateLimited(d);
      case "610" -> new QuickBooksException.NotFound(d);
      case "5010" -> new QuickBooksException.StaleObject(d);
      case "6240" -> new QuickBooksException.DuplicateName(d);
      default ->
          switch (d.status()) {
            case 401 -> new QuickBooksException.Unauthorized(d);
            case 403 -> new QuickBooksException.ReconnectRequired(d);
            case 404 -> new QuickBooksException.NotFound(d);
            case 429 -> new QuickBooksException.RateLimited(d);
            case 0, 500, 502, 503, 504 -> new QuickBooksException.Transient(d);
            default ->
                d.status() >= 500
                    ? new QuickBooksException.Transient(d)
                    : new QuickBooksException.Validation(d);
          };
    };
  }
}
