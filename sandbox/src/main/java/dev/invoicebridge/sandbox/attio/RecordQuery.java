package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.RecordModel.StoredValue;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code POST /v2/objects/{object}/records/query}: filter, sort, then one page. */
final class RecordQuery {
  private static final int DEFAULT_LIMIT = 500;

  private final AttioStore store;
  private final RecordFilter filter;
  private final FilterValidation validation;

  RecordQuery(AttioStore store) {
    this.store = store;
    this.filter = new RecordFilter(store);
    this.validation = new FilterValidation(store);
  }

  Object query(AttioCall call) {
    ObjectDef object = store.object(call.param("object"));
    JsonNode body = call.body;
    int limit = bounded(body.path("limit"), DEFAULT_LIMIT, 1, DEFAULT_LIMIT, "limit");
    int offset = bounded(body.path("offset"), 0, 0, Integer.MAX_VALUE, "offset");
    // The whole filter is checked first, so a bad one fails however many records there are.
    validation.check(object, body.path("filter"));
    List<RecordData> matching = new ArrayList<>();
    for (RecordData r : store.recordsOf(object).values()) {
      if (filter.matches(object, r, body.path("filter"))) {
        matching.add(r);
      }
    }
    matching.sort(order(object, body.path("sorts")));
    return Map.of(
        "data",
        matching.stream()
            .skip(offset)
            .limit(limit)
            .map(r -> RecordJson.render(store, object, r))
            .toList());
  }

  private static int bounded(JsonNode n, int fallback, int min, int max, String name) {
    if (n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
      throw AttioProblem.validation(
          "\"" + name + "\" must be an integer between " + min + " and " + max + ".");
    }
    return n.asInt();
  }

  /** Sorts in the given order of keys; records without a value sort last; ties by creation. */
  private Comparator<RecordData> order(ObjectDef object, JsonNode sorts) {
    Comparator<RecordData> order = (a, b) -> 0;
    if (sorts.isArray()) {
      for (JsonNode s : sorts) {
        AttributeDef attr =
            object
                .attribute(s.path("attribute").asString(""))
                .orElseThrow(
                    () ->
                        AttioProblem.filter(
                            "Error in sort: unknown attribute " + s.path("attribute") + "."));
        String field = s.path("field").asString(null);
        Comparator<RecordData> key =
            Comparator.comparing(r -> sortKey(attr, r, field), RecordQuery::compareKeys);
        order =
            order.thenComparing(
                "desc".equals(s.path("direction").asString("asc")) ? key.reversed() : key);
      }
    }
    return order.thenComparing(r -> r.createdAt);
  }

  private static Object sortKey(AttributeDef attr, RecordData r, String field) {
    List<StoredValue> values = r.active(attr.id);
    if (values.isEmpty()) {
      return null;
    }
    StoredValue v = values.get(0);
    return field != null && v.fields.containsKey(field)
        ? v.fields.get(field)
        : RecordFilter.defaultField(attr, v);
  }

  private static int compareKeys(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    return RecordFilter.lower(a).compareTo(RecordFilter.lower(b));
  }
}
