package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.RecordModel.StoredValue;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates Attio's records-query filters: shorthand equality, {@code $and/$or/$not}, comparison
 * and string operators on an attribute or one of its fields, {@code record_id}, and path filters
 * that follow record references. {@link FilterValidation} checks the whole filter first, so this
 * only evaluates.
 */
final class RecordFilter {
  private final AttioStore store;

  RecordFilter(AttioStore store) {
    this.store = store;
  }

  boolean matches(ObjectDef object, RecordData record, JsonNode filter) {
    if (filter == null || filter.isNull() || filter.isMissingNode()) {
      return true;
    }
    if (!filter.isObject()) {
      throw AttioProblem.filter("Error in filter: a filter must be an object.");
    }
    if (filter.has("path")) {
      return path(object, record, filter);
    }
    for (Map.Entry<String, JsonNode> e : filter.properties()) {
      if (!clause(object, record, e.getKey(), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private boolean clause(ObjectDef object, RecordData record, String key, JsonNode cond) {
    switch (key) {
      case "$and":
        for (JsonNode f : array(cond, key)) {
          if (!matches(object, record, f)) {
            return false;
          }
        }
        return true;
      case "$or":
        for (JsonNode f : array(cond, key)) {
          if (matches(object, record, f)) {
            return true;
          }
        }
        return false;
      case "$not":
        return !matches(object, record, cond);
      case "record_id":
        return FilterOps.test(List.of(record.id), cond);
      default:
        AttributeDef attr =
            object
                .attribute(key)
                .orElseThrow(
                    () ->
                        AttioProblem.filter("Error in filter: unknown attribute \"" + key + "\"."));
        return attribute(attr, record.active(attr.id), cond);
    }
  }

  /** A condition on one attribute: shorthand value, operators, or field conditions. */
  static boolean attribute(AttributeDef attr, List<StoredValue> values, JsonNode cond) {
    if (!cond.isObject()) {
      return values.stream().anyMatch(v -> FilterOps.equalsShorthand(attr, v, cond));
    }
    for (Map.Entry<String, JsonNode> e : cond.properties()) {
      String k = e.getKey();
      boolean ok;
      if (k.equals("$not_empty")) {
        ok = values.isEmpty() != e.getValue().asBoolean();
      } else if (k.startsWith("$")) {
        ok = values.stream().anyMatch(v -> FilterOps.op(k, defaultField(attr, v), e.getValue()));
      } else {
        ok =
            values.stream()
                .anyMatch(
                    v ->
                        FilterOps.test(Collections.singletonList(field(attr, v, k)), e.getValue()));
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The field a bare operator compares: the value's main property for its type. */
  static Object defaultField(AttributeDef attr, StoredValue v) {
    return switch (attr.type) {
      case "email-address" -> v.fields.get("email_address");
      case "domain" -> v.fields.get("domain");
      case "personal-name" -> v.fields.get("full_name");
      case "currency" -> v.fields.get("currency_value");
      case "record-reference" -> v.fields.get("target_record_id");
      case "phone-number" -> v.fields.get("phone_number");
      case "actor-reference" -> v.fields.get("referenced_actor_id");
      case "select" -> title(v.fields.get("option"));
      case "status" -> title(v.fields.get("status"));
      default -> v.fields.get("value");
    };
  }

  /**
   * A field of one value: its own property, the option or status title for selects and statuses, or
   * when it became active. {@link FilterValidation} has already rejected unknown fields.
   */
  private static Object field(AttributeDef attr, StoredValue v, String field) {
    if ("active_from".equals(field)) {
      return AttioTime.format(v.activeFrom);
    }
    if ("select".equals(attr.type) || "status".equals(attr.type)) {
      return title(v.fields.get(attr.type.equals("select") ? "option" : "status"));
    }
    return v.fields.get(field);
  }

  private static Object title(Object option) {
    return option instanceof Map<?, ?> m ? m.get("title") : option;
  }

  /**
   * {@code {"path":[[obj, attr], ...], "constraints":{...}}}: follows references to the last pair
   * (the steps were validated, so every object and attribute exists).
   */
  private boolean path(ObjectDef object, RecordData record, JsonNode filter) {
    JsonNode steps = filter.path("path");
    List<RecordData> current = List.of(record);
    ObjectDef currentObject = object;
    for (int i = 0; ; i++) {
      AttributeDef attr = currentObject.attribute(steps.get(i).get(1).asString()).orElseThrow();
      if (i == steps.size() - 1) {
        return current.stream()
            .anyMatch(r -> attribute(attr, r.active(attr.id), filter.get("constraints")));
      }
      ObjectDef next = store.object(steps.get(i + 1).get(0).asString());
      List<RecordData> reached = new ArrayList<>();
      for (RecordData r : current) {
        for (StoredValue v : r.active(attr.id)) {
          RecordData t = store.recordsOf(next).get((String) v.fields.get("target_record_id"));
          if (t != null && next.slug.equals(v.fields.get("target_object"))) {
            reached.add(t);
          }
        }
      }
      current = reached;
      currentObject = next;
    }
  }

  private static JsonNode array(JsonNode cond, String op) {
    if (!cond.isArray()) {
      throw AttioProblem.filter("Error in filter: " + op + " takes an array.");
    }
    return cond;
  }

  static String lower(Object o) {
    return o == null ? "" : o.toString().toLowerCase(Locale.ROOT);
  }

  static BigDecimal number(Object o) {
    return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
  }
}
