package dev.invoicebridge.attio;

/**
 * An error Attio answered, or a failure to reach it. Carries Attio's {@code status_code}, {@code
 * type} and {@code code}, so callers branch on data, never on message text.
 */
public class AttioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String type;
  private final String code;

  public AttioException(int statusCode, String type, String code, String message, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.type = type;
    this.code = code;
  }

  /** HTTP status Attio answered, or 0 when no answer arrived. */
  public int statusCode() {
    return statusCode;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }
}
