package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.StoredValue;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Attio's filter operators on one field value. String operators ignore case, as Attio's do. */
final class FilterOps {
  private FilterOps() {}

  /** Any of {@code candidates} satisfies {@code cond} (a value, or an object of operators). */
  static boolean test(List<Object> candidates, JsonNode cond) {
    if (!cond.isObject()) {
      return candidates.stream().anyMatch(c -> same(c, cond));
    }
    for (Map.Entry<String, JsonNode> e : cond.properties()) {
      if (!e.getKey().startsWith("$")) {
        throw AttioProblem.filter(
            "Error in filter: expected an operator, got \"" + e.getKey() + "\".");
      }
      if (candidates.stream().noneMatch(c -> op(e.getKey(), c, e.getValue()))) {
        return false;
      }
    }
    return true;
  }

  static boolean op(String op, Object value, JsonNode arg) {
    return switch (op) {
      case "$eq" -> same(value, arg);
      case "$in" -> {
        if (!arg.isArray()) {
          throw AttioProblem.filter("Error in filter: $in takes an array.");
        }
        boolean any = false;
        for (JsonNode a : arg) {
          any |= same(value, a);
        }
        yield any;
      }
      case "$contains" -> RecordFilter.lower(value).contains(RecordFilter.lower(arg.asString("")));
      case "$starts_with" ->
          RecordFilter.lower(value).startsWith(RecordFilter.lower(arg.asString("")));
      case "$ends_with" -> RecordFilter.lower(value).endsWith(RecordFilter.lower(arg.asString("")));
      case "$lt" -> compare(value, arg) < 0;
      case "$lte" -> compare(value, arg) <= 0;
      case "$gt" -> compare(value, arg) > 0;
      case "$gte" -> compare(value, arg) >= 0;
      case "$not_empty" -> (value != null) == arg.asBoolean();
      default -> throw AttioProblem.filter("Error in filter: unknown operator \"" + op + "\".");
    };
  }

  /** Shorthand {@code {"attribute": value}}: titles or ids for selects, ids for references. */
  static boolean equalsShorthand(AttributeDef attr, StoredValue v, JsonNode cond) {
    if ("select".equals(attr.type) || "status".equals(attr.type)) {
      Object option = v.fields.get("select".equals(attr.type) ? "option" : "status");
      if (option instanceof Map<?, ?> m && m.get("id") instanceof Map<?, ?> id) {
        return same(m.get("title"), cond) || id.values().contains(cond.asString(""));
      }
    }
    return same(RecordFilter.defaultField(attr, v), cond) || same(v.key, cond);
  }

  private static boolean same(Object value, JsonNode arg) {
    if (value == null) {
      return arg.isNull();
    }
    if (value instanceof BigDecimal || value instanceof Number) {
      return arg.isNumber() || arg.isString() ? compare(value, arg) == 0 : false;
    }
    if (value instanceof Boolean b) {
      return arg.isBoolean() ? b == arg.asBoolean() : b.toString().equals(arg.asString(""));
    }
    return value.toString().equalsIgnoreCase(arg.asString(""));
  }

  private static int compare(Object value, JsonNode arg) {
    if (value == null) {
      return -1;
    }
    try {
      if (value instanceof BigDecimal || value instanceof Number) {
        return RecordFilter.number(value).compareTo(new BigDecimal(arg.asString()));
      }
    } catch (NumberFormatException e) {
      throw AttioProblem.filter("Error in filter: " + arg + " is not a number.");
    }
    // Dates and timestamps are ISO strings, which compare correctly as text.
    return value.toString().compareTo(arg.asString(""));
  }
}
