package dev.invoicebridge.sandbox.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;

/** Stripe's cursor paging: newest first, limit 1..100 (10 by default), created[gt|gte|lt|lte]. */
final class Lists {
  private Lists() {}

  static Map<String, Object> page(
      List<Map<String, Object>> newestFirst,
      Params params,
      String url,
      Function<Map<String, Object>, Map<String, Object>> render) {
    long limit = params.integer("limit").orElse(10L);
    if (limit < 1 || limit > 100) {
      throw StripeApiException.invalid(
          "limit",
          "This value must be greater than or equal to 1 and less than or equal to 100 (it"
              + " currently is "
              + limit
              + ").");
    }
    if (params.has("starting_after") && params.has("ending_before")) {
      throw StripeApiException.invalid(
          "ending_before",
          "You may only specify one of these parameters: ending_before, starting_after.");
    }
    LongPredicate created = created(params);
    List<Map<String, Object>> filtered =
        newestFirst.stream()
            .filter(o -> !(o.get("created") instanceof Number n) || created.test(n.longValue()))
            .toList();
    List<Map<String, Object>> window = window(filtered, params, (int) limit);
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("object", "list");
    list.put("data", new ArrayList<Object>(window.stream().map(render).toList()));
    list.put("has_more", hasMore(filtered, window, params));
    list.put("url", url);
    return list;
  }

  private static List<Map<String, Object>> window(
      List<Map<String, Object>> all, Params params, int limit) {
    if (params.has("ending_before")) {
      int end = indexOf(all, params.required("ending_before"), "ending_before");
      return all.subList(Math.max(0, end - limit), end);
    }
    int start =
        params.has("starting_after")
            ? indexOf(all, params.required("starting_after"), "starting_after") + 1
            : 0;
    return all.subList(start, Math.min(all.size(), start + limit));
  }

  private static boolean hasMore(
      List<Map<String, Object>> all, List<Map<String, Object>> window, Params params) {
    if (window.isEmpty()) {
      return false;
    }
    if (params.has("ending_before")) {
      return all.indexOf(window.get(0)) > 0;
    }
    return all.indexOf(window.get(window.size() - 1)) < all.size() - 1;
  }

  private static int indexOf(List<Map<String, Object>> all, String id, String param) {
    for (int i = 0; i < all.size(); i++) {
      if (id.equals(all.get(i).get("id"))) {
        return i;
      }
    }
    throw StripeApiException.notFound("object", id, param);
  }

  private static LongPredicate created(Params params) {
    if (params.values().get("created") instanceof String) {
      long exact = params.integer("created").orElseThrow();
      return c -> c == exact;
    }
    return params
        .nested("created")
        .map(
            range -> {
              long gt = range.integer("gt").orElse(Long.MIN_VALUE);
              long gte = range.integer("gte").orElse(Long.MIN_VALUE);
              long lt = range.integer("lt").orElse(Long.MAX_VALUE);
              long lte = range.integer("lte").orElse(Long.MAX_VALUE);
              return (LongPredicate) c -> c > gt && c >= gte && c < lt && c <= lte;
            })
        .orElse(c -> true);
  }
}
