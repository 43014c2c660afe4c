package dev.invoicebridge.sandbox.attio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One API call as the handlers see it: path parameters, query parameters and the JSON body, plus
 * the webhook events the call causes (sent after the call's changes are visible).
 */
final class AttioCall {
  final Map<String, String> params;
  final Map<String, String> query;
  final JsonNode body;
  final List<Map<String, Object>> events = new ArrayList<>();

  AttioCall(Map<String, String> params, Map<String, String> query, JsonNode body) {
    this.params = params;
    this.query = query;
    this.body = body;
  }

  String param(String name) {
    return params.get(name);
  }

  /** {@code body.data}, which Attio requires to be an object on writes. */
  JsonNode data() {
    JsonNode data = body.path("data");
    if (!data.isObject()) {
      throw AttioProblem.validation(
          "Body payload validation error: expected \"data\" to be an object.");
    }
    return data;
  }

  /** A query parameter as a bounded integer; Attio answers validation_type otherwise. */
  int intQuery(String name, int fallback, int min, int max) {
    String v = query.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw AttioProblem.validation(
            "\"" + name + "\" must be between " + min + " and " + max + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw AttioProblem.validation("\"" + name + "\" must be an integer.");
    }
  }
}
