package dev.invoicebridge.quickbooks;

import java.net.http.HttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Finds a fault in a response: either casing of the envelope, and also inside an HTTP 200. */
final class Faults {
  private Faults() {}

  /** The failure this response represents, or null when it succeeded. */
  static QuickBooksException inResponse(HttpResponse<byte[]> response) {
    String tid = response.headers().firstValue("intuit_tid").orElse(null);
    boolean json =
        response.headers().firstValue("Content-Type").orElse("").contains("json")
            || (response.body().length > 0 && response.body()[0] == '{');
    JsonNode body = json ? parse(response.body()) : QboJson.JSON.createObjectNode();
    // Accounting faults use "Fault"/"Error"/"Message"; the gateway uses the lower-case shape.
    JsonNode errors =
        body.has("Fault") ? body.path("Fault").path("Error") : body.path("fault").path("error");
    boolean hasFault = errors.isArray() && !errors.isEmpty();
    if (response.statusCode() < 400 && !hasFault) {
      return null;
    }
    JsonNode first = errors.path(0);
    String message = field(first, "Message");
    String detail = field(first, "Detail");
    String text =
        message.isEmpty()
            ? "QuickBooks answered HTTP " + response.statusCode()
            : detail.isEmpty() || response.statusCode() == 401 ? message : message + ": " + detail;
    return QuickBooksErrors.from(
        new QuickBooksErrors.Details(
            response.statusCode(), first.path("code").asString(null), text, tid, null));
  }

  private static String field(JsonNode error, String capitalised) {
    JsonNode n = error.has(capitalised) ? error.path(capitalised) : error.path(lower(capitalised));
    return n.isNull() || n.isMissingNode() ? "" : n.asString("");
  }

  private static String lower(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static JsonNode parse(byte[] body) {
    try {
      return QboJson.JSON.readTree(body);
    } catch (JacksonException e) {
      return QboJson.JSON.createObjectNode();
    }
  }
}
