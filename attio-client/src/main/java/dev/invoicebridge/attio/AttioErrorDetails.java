package dev.invoicebridge.attio;

/**
 * What Attio said about a failed call: its {@code {status_code, type, code}} and the request id it
 * logged the call under (null when no answer arrived).
 *
 * @param statusCode HTTP status, or 0 when no answer arrived
 * @param type Attio's error type, such as {@code invalid_request_error}
 * @param code Attio's error code, such as {@code uniqueness_conflict}; null when none was sent
 * @param requestId the {@code x-request-id} Attio answered with, for support tickets
 */
public record AttioErrorDetails(int statusCode, String type, String code, String requestId) {
  /** Details for a call that got no answer at all. */
  public static AttioErrorDetails noAnswer(String type) {
    return new AttioErrorDetails(0, type, null, null);
  }
}
