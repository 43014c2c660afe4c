package dev.invoicebridge.attio;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A records-query filter in Attio's JSON form, built from Attio's operators ({@code $eq}, {@code
 * $in}, {@code $contains}, {@code $starts_with}, {@code $ends_with}, {@code $not_empty}, {@code
 * $lt}..{@code $gte}, {@code $and}, {@code $or}, {@code $not}) so that it reads like Attio's docs.
 */
public record Filter(Map<String, Object> json) {
  public Filter {
    json = Map.copyOf(json);
  }

  /** Shorthand equality: {@code {"attribute": value}} (title for selects, email for emails). */
  public static Filter equalTo(String attribute, Object value) {
    return new Filter(Map.of(attribute, value));
  }

  /** {@code {"attribute": {"$op": value}}}, operator spelled as in Attio, such as {@code $gte}. */
  public static Filter on(String attribute, String operator, Object value) {
    return new Filter(Map.of(attribute, Map.of(operator, value)));
  }

  /** {@code {"attribute": {"field": {"$op": value}}}}, for a field of a composite value. */
  public static Filter on(String attribute, String field, String operator, Object value) {
    return new Filter(Map.of(attribute, Map.of(field, Map.of(operator, value))));
  }

  public static Filter eq(String attribute, Object value) {
    return on(attribute, "$eq", value);
  }

  /** Case-insensitive substring match. */
  public static Filter contains(String attribute, String text) {
    return on(attribute, "$contains", text);
  }

  public static Filter in(String attribute, List<?> values) {
    return on(attribute, "$in", List.copyOf(values));
  }

  public static Filter notEmpty(String attribute) {
    return on(attribute, "$not_empty", true);
  }

  /** Records whose {@code record_id} is one of {@code ids}. */
  public static Filter recordIdIn(List<RecordId> ids) {
    return new Filter(
        Map.of("record_id", Map.of("$in", ids.stream().map(RecordId::value).toList())));
  }

  /** Records whose reference attribute points at the given record. */
  public static Filter references(String attribute, String targetObject, RecordId target) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("target_object", targetObject);
    ref.put("target_record_id", target.value());
    return new Filter(Map.of(attribute, ref));
  }

  /**
   * A path filter across references: {@code path} is a list of {@code [object, attribute]} pairs
   * and {@code constraints} applies to the last attribute.
   */
  public static Filter path(List<List<String>> path, Map<String, Object> constraints) {
    return new Filter(Map.of("path", List.copyOf(path), "constraints", Map.copyOf(constraints)));
  }

  public static Filter and(Filter... filters) {
    return new Filter(Map.of("$and", jsons(filters)));
  }

  public static Filter or(Filter... filters) {
    return new Filter(Map.of("$or", jsons(filters)));
  }

  public static Filter not(Filter filter) {
    return new Filter(Map.of("$not", filter.json()));
  }

  private static List<Map<String, Object>> jsons(Filter... filters) {
    return Arrays.stream(filters).map(Filter::json).toList();
  }
}
