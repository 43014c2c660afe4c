package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.CUSTOMERS;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /v1/customers: create, retrieve, update, delete, and list with the exact-match email filter. */
final class CustomersApi {
  private final StripeStore store;
  private final EventLog events;

  CustomersApi(StripeStore store, EventLog events) {
    this.store = store;
    this.events = events;
  }

  // Stripe keeps answering a retrieve of a deleted customer, with {id, object, deleted: true}.
  private final Set<String> deleted = new HashSet<>();

  void register(Router router) {
    router.add(
        "GET", "/v1/customers", CUSTOMERS, Allowed.LIST.and("email", "test_clock"), this::list);
    router.add(
        "GET",
        "/v1/customers/search",
        CUSTOMERS,
        Allowed.of("limit", "page", "query"),
        this::search);
    router.add("POST", "/v1/customers", CUSTOMERS, EndpointParams.CUSTOMER_CREATE, this::create);
    router.add("GET", "/v1/customers/{id}", CUSTOMERS, Allowed.NONE, c -> render(c.arg(0)));
    router.add(
        "POST", "/v1/customers/{id}", CUSTOMERS, EndpointParams.CUSTOMER_UPDATE, this::update);
    router.add("DELETE", "/v1/customers/{id}", CUSTOMERS, Allowed.NONE, this::delete);
  }

  private Map<String, Object> list(Call call) {
    // "A case-sensitive filter on the list based on the customer's email field."
    List<Map<String, Object>> all =
        call.params()
            .string("email")
            .map(
                email ->
                    store.newestFirst("customer").stream()
                        .filter(c -> email.equals(c.get("email")))
                        .toList())
            .orElseGet(() -> store.newestFirst("customer"));
    return Lists.page(all, call.params(), "/v1/customers", store::render);
  }

  /**
   * The search API for {@code email:'x'} and {@code metadata['k']:'v'} clauses joined by AND.
   * Stripe's index lags writes by up to a minute; the sandbox's does not, which tests must not rely
   * on.
   */
  private Map<String, Object> search(Call call) {
    String query = call.params().required("query");
    List<java.util.function.Predicate<Map<String, Object>>> clauses = new java.util.ArrayList<>();
    for (String clause : query.split("(?i)\\s+AND\\s+")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(email|name|metadata\\['([^']+)'\\]):'([^']*)'")
              .matcher(clause.trim());
      if (!m.matches()) {
        throw StripeApiException.invalid("query", "Invalid search query: " + clause.trim());
      }
      String value = m.group(3);
      clauses.add(
          m.group(2) == null
              ? c -> value.equals(c.get(m.group(1)))
              : c -> value.equals(castMap(c.get("metadata")).get(m.group(2))));
    }
    List<Object> data =
        store.newestFirst("customer").stream()
            .filter(c -> clauses.stream().allMatch(p -> p.test(c)))
            .limit(call.params().integer("limit").orElse(10L))
            .map(c -> (Object) store.render(c))
            .toList();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("object", "search_result");
    result.put("data", new java.util.ArrayList<>(data));
    result.put("has_more", false);
    result.put("next_page", null);
    result.put("url", "/v1/customers/search");
    return result;
  }

  private Map<String, Object> create(Call call) {
    Params p = call.params();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", StripeStore.newId("cus_"));
    c.put("object", "customer");
    c.put("address", p.nested("address").map(a -> address(a.values())).orElse(null));
    c.put("balance", p.integer("balance").orElse(0L));
    c.put("created", store.now());
    c.put("currency", null);
    c.put("default_source", null);
    c.put("delinquent", false);
    c.put("description", p.string("description").orElse(null));
    c.put("discount", null);
    c.put("email", p.string("email").orElse(null));
    c.put("invoice_prefix", StripeStore.random(8).toUpperCase(java.util.Locale.ROOT));
    c.put("invoice_settings", invoiceSettings());
    c.put("livemode", false);
    c.put("metadata", p.metadata(Map.of()));
    c.put("name", p.string("name").orElse(null));
    c.put("next_invoice_sequence", 1L);
    c.put("phone", p.string("phone").orElse(null));
    c.put("preferred_locales", p.strings("preferred_locales"));
    c.put("shipping", null);
    c.put("tax_exempt", "none");
    c.put("test_clock", null);
    store.insert(c);
    events.emit(call, "customer.created", c, null);
    return store.render(c);
  }

  private Map<String, Object> update(Call call) {
    Map<String, Object> c = store.get("customer", call.arg(0), "id");
    Params p = call.params();
    Map<String, Object> previous = new HashMap<>();
    for (String field : List.of("email", "name", "description", "phone")) {
      if (p.has(field)) {
        previous.put(field, c.get(field));
        String value = p.string(field).orElse("");
        c.put(field, value.isEmpty() ? null : value);
      }
    }
    if (p.has("metadata")) {
      previous.put("metadata", c.get("metadata"));
      c.put("metadata", p.metadata(castMap(c.get("metadata"))));
    }
    events.emit(call, "customer.updated", c, previous);
    return store.render(c);
  }

  private Map<String, Object> delete(Call call) {
    Map<String, Object> c = store.get("customer", call.arg(0), "id");
    store.remove(call.arg(0));
    events.emit(call, "customer.deleted", c, null);
    deleted.add(call.arg(0));
    return StripeStore.deleted(call.arg(0), "customer");
  }

  private Map<String, Object> render(String id) {
    if (deleted.contains(id)) {
      return StripeStore.deleted(id, "customer");
    }
    return store.render(store.get("customer", id, "id"));
  }

  private static Map<String, Object> address(Map<String, Object> given) {
    Map<String, Object> a = new LinkedHashMap<>();
    for (String f : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
      a.put(f, given.get(f));
    }
    return a;
  }

  private static Map<String, Object> invoiceSettings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("custom_fields", null);
    s.put("default_payment_method", null);
    s.put("footer", null);
    s.put("rendering_options", null);
    return s;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }
}
