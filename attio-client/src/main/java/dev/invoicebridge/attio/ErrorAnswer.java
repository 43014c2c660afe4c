package dev.invoicebridge.attio;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What an error answer from Attio says: its details, its message and its Retry-After date. */
record ErrorAnswer(AttioErrorDetails details, String message, Instant retryAfter) {
  static ErrorAnswer of(HttpResponse<String> response, Clock clock) {
    JsonNode body = AttioHttp.parse(response.body());
    String requestId =
        response
            .headers()
            .firstValue("x-request-id")
            .or(() -> response.headers().firstValue("x-attio-request-id"))
            .orElse(null);
    AttioErrorDetails details =
        new AttioErrorDetails(
            response.statusCode(),
            body.path("type").asString("unknown"),
            body.path("code").isString() ? body.path("code").asString() : null,
            requestId);
    String text = body.path("message").asString("");
    String message =
        "Attio answered HTTP " + response.statusCode() + (text.isEmpty() ? "" : ": " + text);
    Instant retryAfter =
        response
            .headers()
            .firstValue("Retry-After")
            .flatMap(v -> parseRetryAfter(v, clock))
            .orElse(null);
    return new ErrorAnswer(details, message, retryAfter);
  }

  /** {@code Retry-After} is an HTTP date at Attio; a number of seconds is accepted too. */
  static Optional<Instant> parseRetryAfter(String value, Clock clock) {
    String v = value.trim();
    try {
      if (v.matches("\\d{1,6}")) {
        return Optional.of(clock.instant().plusSeconds(Long.parseLong(v)));
      }
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
