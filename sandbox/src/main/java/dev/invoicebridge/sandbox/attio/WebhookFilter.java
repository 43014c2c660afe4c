package dev.invoicebridge.sandbox.attio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Webhook subscription filters: null passes everything; otherwise {@code $and} or {@code $or} of
 * {@code {field, operator: equals|not_equals, value}}, where field is a dot path into the event.
 */
final class WebhookFilter {
  private WebhookFilter() {}

  /** The filter as stored, or a validation error. */
  static Map<String, Object> validate(JsonNode f) {
    if (f.isMissingNode() || f.isNull()) {
      return null;
    }
    String op = f.has("$and") ? "$and" : f.has("$or") ? "$or" : null;
    if (op == null || f.size() != 1 || !f.get(op).isArray()) {
      throw AttioProblem.validation(
          "A webhook filter is null, or an object with one $and or $or array.");
    }
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (JsonNode c : f.get(op)) {
      String operator = c.path("operator").asString("");
      if (!c.path("field").isString()
          || !c.path("value").isString()
          || !(operator.equals("equals") || operator.equals("not_equals"))) {
        throw AttioProblem.validation(
            "Webhook filter conditions need field, operator (equals or not_equals) and value.");
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", c.get("field").asString());
      m.put("operator", operator);
      m.put("value", c.get("value").asString());
      conditions.add(m);
    }
    return Map.of(op, conditions);
  }

  @SuppressWarnings("unchecked")
  static boolean passes(Map<String, Object> filter, Map<String, Object> event) {
    if (filter == null) {
      return true;
    }
    boolean and = filter.containsKey("$and");
    List<Map<String, Object>> conditions =
        (List<Map<String, Object>>) filter.get(and ? "$and" : "$or");
    for (Map<String, Object> c : conditions) {
      boolean equal =
          String.valueOf(c.get("value")).equals(String.valueOf(at(event, (String) c.get("field"))));
      boolean ok = "equals".equals(c.get("operator")) == equal;
      if (and && !ok) {
        return false;
      }
      if (!and && ok) {
        return true;
      }
    }
    return and;
  }

  private static Object at(Map<String, Object> event, String path) {
    Object current = event;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(part);
    }
    return current;
  }
}
