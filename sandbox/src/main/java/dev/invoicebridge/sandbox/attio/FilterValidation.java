package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a whole records-query filter against the object's schema before any record is looked at:
 * every attribute, per-type field, operator, operator argument and path step. Attio rejects a bad
 * filter with {@code filter_error} whether or not records exist; evaluation ({@link RecordFilter})
 * stops early ({@code $and}/{@code $or} short-circuit, nothing to compare on an empty attribute),
 * so it cannot be what rejects one.
 */
final class FilterValidation {
  private static final Set<String> OPERATORS =
      Set.of(
          "$eq",
          "$in",
          "$not_empty",
          "$contains",
          "$starts_with",
          "$ends_with",
          "$lt",
          "$lte",
          "$gt",
          "$gte");
  private static final Set<String> TEXT_OPERATORS =
      Set.of("$contains", "$starts_with", "$ends_with");

  /** The fields of each attribute type's values that a filter may name (reference sheet §5.3). */
  private static final Map<String, Set<String>> FIELDS =
      Map.ofEntries(
          Map.entry("text", Set.of("value")),
          Map.entry("number", Set.of("value")),
          Map.entry("rating", Set.of("value")),
          Map.entry("checkbox", Set.of("value")),
          Map.entry("date", Set.of("value")),
          Map.entry("timestamp", Set.of("value")),
          Map.entry("currency", Set.of("currency_value", "currency_code")),
          Map.entry("select", Set.of("option", "title", "active_from")),
          Map.entry("status", Set.of("status", "title", "active_from")),
          Map.entry("record-reference", Set.of("target_object", "target_record_id")),
          Map.entry("actor-reference", Set.of("referenced_actor_type", "referenced_actor_id")),
          Map.entry(
              "email-address",
              Set.of(
                  "email_address",
                  "original_email_address",
                  "email_domain",
                  "email_root_domain",
                  "email_local_specifier")),
          Map.entry("domain", Set.of("domain", "root_domain")),
          Map.entry("personal-name", Set.of("first_name", "last_name", "full_name")),
          Map.entry(
              "phone-number", Set.of("original_phone_number", "country_code", "phone_number")),
          Map.entry("location", Set.copyOf(ContactValues.LOCATION_FIELDS)));

  private final AttioStore store;

  FilterValidation(AttioStore store) {
    this.store = store;
  }

  /** Throws Attio's {@code filter_error} for the first thing wrong with {@code filter}. */
  void check(ObjectDef object, JsonNode filter) {
    walk(object, filter, "filter");
  }

  private void walk(ObjectDef object, JsonNode filter, String where) {
    if (filter == null || filter.isMissingNode() || filter.isNull()) {
      return;
    }
    if (!filter.isObject()) {
      throw error(where, "a filter must be an object");
    }
    if (filter.has("path")) {
      path(object, filter, where);
      return;
    }
    for (Map.Entry<String, JsonNode> e : filter.properties()) {
      String key = e.getKey();
      String at = where + "." + key;
      switch (key) {
        case "$and", "$or" -> {
          if (!e.getValue().isArray()) {
            throw error(at, key + " takes an array of filters");
          }
          for (int i = 0; i < e.getValue().size(); i++) {
            walk(object, e.getValue().get(i), at + "[" + i + "]");
          }
        }
        case "$not" -> walk(object, e.getValue(), at);
        case "record_id" -> condition(e.getValue(), false, at);
        default -> {
          if (key.startsWith("$")) {
            throw error(at, "unknown operator \"" + key + "\"");
          }
          AttributeDef attr =
              object
                  .attribute(key)
                  .filter(a -> !a.archived)
                  .orElseThrow(() -> error(at, "unknown attribute \"" + key + "\""));
          attribute(attr, e.getValue(), at);
        }
      }
    }
  }

  /** A condition on one attribute: a shorthand value, operators, or conditions on its fields. */
  private static void attribute(AttributeDef attr, JsonNode cond, String where) {
    boolean numeric = Set.of("number", "rating", "currency").contains(attr.type);
    if (!cond.isObject()) {
      scalar(cond, numeric, where);
      return;
    }
    for (Map.Entry<String, JsonNode> e : cond.properties()) {
      String key = e.getKey();
      String at = where + "." + key;
      if (key.startsWith("$")) {
        operator(key, e.getValue(), numeric, at);
        continue;
      }
      if (!FIELDS.getOrDefault(attr.type, Set.of()).contains(key)) {
        throw error(
            at,
            "attribute \""
                + attr.slug
                + "\" of type \""
                + attr.type
                + "\" has no field \""
                + key
                + "\"");
      }
      condition(e.getValue(), numeric && !key.equals("currency_code"), at);
    }
  }

  /** A field's condition: a value to equal, or an object of operators. */
  private static void condition(JsonNode cond, boolean numeric, String where) {
    if (!cond.isObject()) {
      scalar(cond, numeric, where);
      return;
    }
    for (Map.Entry<String, JsonNode> e : cond.properties()) {
      if (!e.getKey().startsWith("$")) {
        throw error(where, "expected an operator, got \"" + e.getKey() + "\"");
      }
      operator(e.getKey(), e.getValue(), numeric, where + "." + e.getKey());
    }
  }

  private static void operator(String op, JsonNode arg, boolean numeric, String where) {
    if (!OPERATORS.contains(op)) {
      throw error(where, "unknown operator \"" + op + "\"");
    }
    switch (op) {
      case "$in" -> {
        if (!arg.isArray()) {
          throw error(where, "$in takes an array of values");
        }
        for (JsonNode a : arg) {
          scalar(a, numeric, where);
        }
      }
      case "$not_empty" -> {
        if (!arg.isBoolean()) {
          throw error(where, "$not_empty takes true or false");
        }
      }
      default -> {
        if (TEXT_OPERATORS.contains(op) && !arg.isString()) {
          throw error(where, op + " takes a string");
        }
        scalar(arg, numeric && !TEXT_OPERATORS.contains(op), where);
      }
    }
  }

  /** A single value to compare with: not an array or object; a number where the field is one. */
  private static void scalar(JsonNode value, boolean numeric, String where) {
    if (value.isArray() || value.isObject()) {
      throw error(where, "expected a single value, got " + value);
    }
    if (numeric && !value.isNull() && !isNumber(value)) {
      throw error(where, value + " is not a number");
    }
  }

  private static boolean isNumber(JsonNode value) {
    if (value.isNumber()) {
      return true;
    }
    try {
      new BigDecimal(value.asString(""));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** {@code {"path":[[object, attribute], ...], "constraints":{...}}} along record references. */
  private void path(ObjectDef object, JsonNode filter, String where) {
    JsonNode steps = filter.path("path");
    if (filter.size() != 2 || !steps.isArray() || steps.isEmpty()) {
      throw error(where, "a path filter has exactly a non-empty path and constraints");
    }
    if (!filter.path("constraints").isObject()) {
      throw error(where + ".constraints", "constraints must be an object");
    }
    ObjectDef current = object;
    AttributeDef last = null;
    for (int i = 0; i < steps.size(); i++) {
      String at = where + ".path[" + i + "]";
      JsonNode step = steps.get(i);
      if (!step.isArray() || step.size() != 2 || !step.get(0).isString()) {
        throw error(at, "each step is an [object, attribute] pair");
      }
      ObjectDef stepObject =
          store
              .findObject(step.get(0).asString())
              .orElseThrow(() -> error(at, "unknown object " + step.get(0)));
      if (!stepObject.id.equals(current.id)) {
        throw error(at, "the step does not start at \"" + current.slug + "\"");
      }
      if (last != null
          && !last.allowedObjectIds.isEmpty()
          && !last.allowedObjectIds.contains(stepObject.id)) {
        throw error(at, "\"" + last.slug + "\" does not point at \"" + stepObject.slug + "\"");
      }
      last =
          stepObject
              .attribute(step.get(1).asString(""))
              .filter(a -> !a.archived)
              .orElseThrow(() -> error(at, "unknown attribute " + step.get(1)));
      if (i < steps.size() - 1) {
        if (!"record-reference".equals(last.type)) {
          throw error(at, "only record references can be followed");
        }
        String next = steps.get(i + 1).path(0).asString("");
        current = store.findObject(next).orElse(stepObject);
      }
    }
    attribute(last, filter.get("constraints"), where + ".constraints");
  }

  private static AttioProblem error(String where, String what) {
    return AttioProblem.filter("Error in filter: " + what + " (at " + where + ").");
  }
}
