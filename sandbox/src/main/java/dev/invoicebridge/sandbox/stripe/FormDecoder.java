package dev.invoicebridge.sandbox.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes Stripe's form encoding into nested maps and lists: {@code metadata[crm_id]=1} becomes a
 * map, {@code expand[]=x} and {@code lines[0][amount]=5} become lists, as Stripe reads them.
 */
final class FormDecoder {
  private FormDecoder() {}

  static Map<String, Object> decode(String form) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (form == null || form.isBlank()) {
      return root;
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      put(root, segments(key), value);
    }
    return listify(root);
  }

  /** {@code a[b][0]} to [a, b, 0]; {@code a[]} to [a, ""]. */
  static List<String> segments(String key) {
    List<String> parts = new ArrayList<>();
    int open = key.indexOf('[');
    if (open < 0) {
      parts.add(key);
      return parts;
    }
    parts.add(key.substring(0, open));
    while (open >= 0 && open < key.length()) {
      int close = key.indexOf(']', open);
      if (close < 0) {
        throw StripeApiException.invalid(key, "Invalid parameter name: " + key);
      }
      parts.add(key.substring(open + 1, close));
      open = key.indexOf('[', close);
    }
    return parts;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> node, List<String> path, String value) {
    Map<String, Object> current = node;
    for (int i = 0; i < path.size() - 1; i++) {
      String part = path.get(i);
      String next = path.get(i + 1);
      Object child = current.get(part);
      if (next.isEmpty()) {
        // "a[]=x": append to a list; nothing may nest below an anonymous element.
        List<Object> list = child instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        list.add(value);
        current.put(part, list);
        return;
      }
      if (!(child instanceof Map<?, ?>)) {
        child = new LinkedHashMap<String, Object>();
        current.put(part, child);
      }
      current = (Map<String, Object>) child;
    }
    current.put(path.get(path.size() - 1), value);
  }

  /** Maps whose keys are all indexes (0, 1, ...) become lists in index order. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> listify(Map<String, Object> map) {
    map.replaceAll(
        (k, v) -> v instanceof Map<?, ?> m ? asListIfIndexed((Map<String, Object>) m) : v);
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Object asListIfIndexed(Map<String, Object> map) {
    listify(map);
    if (map.isEmpty() || !map.keySet().stream().allMatch(k -> k.matches("\\d{1,4}"))) {
      return map;
    }
    Object[] items = new Object[map.size()];
    for (Map.Entry<String, Object> e : map.entrySet()) {
      int index = Integer.parseInt(e.getKey());
      if (index >= items.length) {
        throw StripeApiException.invalid(e.getKey(), "Invalid array index: " + index);
      }
      items[index] = e.getValue();
    }
    List<Object> list = new ArrayList<>(List.of(items));
    list.replaceAll(v -> v instanceof Map<?, ?> m ? asListIfIndexed((Map<String, Object>) m) : v);
    return list;
  }
}
