package dev.invoicebridge.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The create dialog's line rows as the form carries them: each row's fields end in its index
 * ({@code description_3}). Rows are added and removed, so indices may have gaps; a row keeps its
 * index for its whole life, which is what keeps a field message on the row it belongs to.
 */
final class LineRows {
  static final int MAX_INDEX = 999;

  /** Every field a row has; the price hints only feed the preview and the currency check. */
  static final List<String> FIELDS =
      List.of(
          "price_id",
          "price_query",
          "price_amount",
          "price_currency",
          "description",
          "unit_price",
          "quantity");

  private static final Pattern FIELD =
      Pattern.compile("(" + String.join("|", FIELDS) + ")_(\\d{1,3})");

  private LineRows() {}

  /** The row indices present in the form, in order; one empty row when there are none. */
  static List<Integer> of(Map<String, String> fields) {
    TreeSet<Integer> rows = new TreeSet<>();
    for (String name : fields.keySet()) {
      Matcher m = FIELD.matcher(name);
      if (m.matches()) {
        rows.add(Integer.parseInt(m.group(2)));
      }
    }
    return rows.isEmpty() ? List.of(0) : List.copyOf(rows);
  }

  /** The index a new row gets: one past the highest, or -1 when no index is left. */
  static int next(List<Integer> rows) {
    int next = rows.isEmpty() ? 0 : rows.getLast() + 1;
    return next > MAX_INDEX ? -1 : next;
  }

  /** The form with one more, empty row. */
  static Map<String, String> withNewRow(Map<String, String> fields) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    int next = next(of(fields));
    if (next >= 0) {
      copy.put("quantity_" + next, "1");
    }
    return copy;
  }

  /** The form without the row's fields; the last row is emptied instead of removed. */
  static Map<String, String> withoutRow(Map<String, String> fields, int row) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    FIELDS.forEach(f -> copy.remove(f + "_" + row));
    if (of(copy).equals(List.of(0)) && !copy.containsKey("quantity_0")) {
      copy.put("quantity_0", "1");
    }
    return copy;
  }
}
