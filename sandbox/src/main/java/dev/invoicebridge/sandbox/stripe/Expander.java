package dev.invoicebridge.sandbox.stripe;

import java.util.List;
import java.util.Map;

/**
 * {@code expand[]}: replaces an id with the object it names, along dotted paths; in lists the path
 * starts with {@code data.}, as Stripe requires.
 */
final class Expander {
  private static final Map<String, String> TYPES =
      Map.of(
          "cus_", "customer",
          "prod_", "product",
          "price_", "price",
          "in_", "invoice",
          "ii_", "invoiceitem",
          "we_", "webhook_endpoint");

  private Expander() {}

  static void expand(Map<String, Object> body, List<String> paths, StripeStore store) {
    for (String path : paths) {
      if (path.split("\\.").length > 4) {
        throw StripeApiException.invalid(
            "expand", "You cannot expand more than 4 levels of a property.");
      }
      walk(body, List.of(path.split("\\.")), store, path);
    }
  }

  private static void walk(Object node, List<String> path, StripeStore store, String full) {
    if (node instanceof List<?> list) {
      list.forEach(item -> walk(item, path, store, full));
      return;
    }
    if (!(node instanceof Map<?, ?> raw) || path.isEmpty()) {
      return;
    }
    Map<String, Object> map = CustomersApi.castMap(raw);
    String field = path.get(0);
    if (!map.containsKey(field)) {
      throw StripeApiException.invalid(
          "expand", "This property cannot be expanded (" + full + ").");
    }
    Object value = map.get(field);
    if (value instanceof String id) {
      value = resolve(id, store, full);
      map.put(field, value);
    }
    walk(value, path.subList(1, path.size()), store, full);
  }

  private static Object resolve(String id, StripeStore store, String full) {
    for (Map.Entry<String, String> t : TYPES.entrySet()) {
      if (id.startsWith(t.getKey())) {
        return store.find(t.getValue(), id).map(store::render).orElse(null);
      }
    }
    throw StripeApiException.invalid("expand", "This property cannot be expanded (" + full + ").");
  }
}
