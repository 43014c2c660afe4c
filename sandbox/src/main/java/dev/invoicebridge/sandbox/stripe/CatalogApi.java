package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.PRICES;
import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.PRODUCTS;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** /v1/products and /v1/prices: the catalog, with active filters and inline prices. */
final class CatalogApi {

  private final StripeStore store;
  private final EventLog events;
  // Prices made inline by price_data: they never block deleting their product.
  private final Set<String> inlinePrices = new HashSet<>();

  CatalogApi(StripeStore store, EventLog events) {
    this.store = store;
    this.events = events;
  }

  void register(Router router) {
    Allowed listProducts = Allowed.LIST.and("active", "ids", "shippable", "type", "url");
    router.add("GET", "/v1/products", PRODUCTS, listProducts, this::listProducts);
    router.add(
        "POST", "/v1/products", PRODUCTS, EndpointParams.CREATE_PRODUCT, this::createProduct);
    router.add(
        "GET", "/v1/products/{id}", PRODUCTS, Allowed.NONE, c -> render("product", c.arg(0)));
    router.add(
        "POST",
        "/v1/products/{id}",
        PRODUCTS,
        EndpointParams.PRODUCT_FIELDS.and("default_price"),
        c -> update("product", c));
    router.add("DELETE", "/v1/products/{id}", PRODUCTS, Allowed.NONE, this::deleteProduct);
    Allowed listPrices =
        Allowed.LIST.and("active", "currency", "lookup_keys", "product", "recurring", "type");
    router.add("GET", "/v1/prices", PRICES, listPrices, this::listPrices);
    router.add("POST", "/v1/prices", PRICES, EndpointParams.CREATE_PRICE, this::createPrice);
    router.add("GET", "/v1/prices/{id}", PRICES, Allowed.NONE, c -> render("price", c.arg(0)));
    router.add(
        "POST", "/v1/prices/{id}", PRICES, EndpointParams.UPDATE_PRICE, c -> update("price", c));
  }

  /**
   * A product a new price may be made for. Refusing an archived one is a best guess (the reference
   * sheet does not say); Stripe does keep archived products out of new sales.
   */
  Map<String, Object> activeProduct(String id, String param) {
    Map<String, Object> product = store.get("product", id, param);
    if (!Boolean.TRUE.equals(product.get("active"))) {
      throw StripeApiException.invalid(
          param,
          "The product '" + id + "' is archived. Prices can only be made for active products.");
    }
    return product;
  }

  /** A price made inline (price_data) for one invoice item: inactive, never listed as active. */
  Map<String, Object> inlinePrice(Call call, Params priceData, String productId) {
    Map<String, Object> price =
        price(call, priceData, productId, false, priceData.integer("unit_amount"));
    inlinePrices.add((String) price.get("id"));
    return price;
  }

  /**
   * Deletes a product that no price made in the catalog uses. The wording of the refusal is a best
   * guess; Stripe's documentation says only that a product with prices cannot be deleted.
   */
  private Map<String, Object> deleteProduct(Call call) {
    Map<String, Object> product = store.get("product", call.arg(0), "id");
    boolean priced =
        store.newestFirst("price").stream()
            .anyMatch(
                p ->
                    product.get("id").equals(p.get("product"))
                        && !inlinePrices.contains(p.get("id")));
    if (priced) {
      throw StripeApiException.invalid(
          null, "This product cannot be deleted because it has one or more user-created prices.");
    }
    store.remove((String) product.get("id"));
    events.emit(call, "product.deleted", product, null);
    return StripeStore.deleted(product.get("id"), "product");
  }

  private Map<String, Object> listProducts(Call call) {
    Predicate<Map<String, Object>> active = activeFilter(call.params());
    List<Map<String, Object>> all = store.newestFirst("product").stream().filter(active).toList();
    return Lists.page(all, call.params(), "/v1/products", store::render);
  }

  private Map<String, Object> listPrices(Call call) {
    Params p = call.params();
    Predicate<Map<String, Object>> filter = activeFilter(p);
    filter = filter.and(equalIfGiven(p, "type")).and(equalIfGiven(p, "product"));
    filter = filter.and(equalIfGiven(p, "currency"));
    List<Map<String, Object>> all = store.newestFirst("price").stream().filter(filter).toList();
    return Lists.page(all, p, "/v1/prices", store::render);
  }

  private Map<String, Object> createProduct(Call call) {
    Params p = call.params();
    Map<String, Object> product = product(call, p);
    p.nested("default_price_data")
        .ifPresent(
            d -> {
              Map<String, Object> price =
                  price(call, d, (String) product.get("id"), true, d.integer("unit_amount"));
              product.put("default_price", price.get("id"));
            });
    return store.render(product);
  }

  /** A product from {@code name} (required), optionally with a caller-chosen id. */
  Map<String, Object> product(Call call, Params p) {
    String id = p.string("id").orElseGet(() -> StripeStore.newId("prod_"));
    if (store.exists(id)) {
      throw StripeApiException.state("resource_already_exists", "Product already exists.");
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.put("object", "product");
    o.put("active", p.bool("active").orElse(true));
    o.put("created", store.now());
    o.put("default_price", null);
    o.put("description", p.string("description").orElse(null));
    o.put("images", List.of());
    o.put("livemode", false);
    o.put("marketing_features", List.of());
    o.put("metadata", p.metadata(Map.of()));
    o.put("name", p.required("name"));
    o.put("package_dimensions", null);
    o.put("shippable", null);
    o.put("statement_descriptor", null);
    o.put("tax_code", null);
    o.put("type", "service");
    o.put("unit_label", null);
    o.put("updated", store.now());
    o.put("url", null);
    store.insert(o);
    events.emit(call, "product.created", o, null);
    return o;
  }

  private Map<String, Object> createPrice(Call call) {
    Params p = call.params();
    String product =
        p.string("product")
            .map(id -> (String) activeProduct(id, "product").get("id"))
            .orElseGet(
                () ->
                    (String)
                        product(
                                call,
                                p.nested("product_data")
                                    .orElseThrow(() -> p.missingParam("product")))
                            .get("id"));
    return store.render(
        price(call, p, product, p.bool("active").orElse(true), p.integer("unit_amount")));
  }

  /** A one-time (or recurring, with {@code recurring[interval]}) per-unit price. */
  Map<String, Object> price(
      Call call, Params p, String productId, boolean active, java.util.Optional<Long> unitAmount) {
    long amount = unitAmount.orElseThrow(() -> p.missingParam("unit_amount"));
    if (amount < 0) {
      throw StripeApiException.invalid(p.param("unit_amount"), "Invalid non-negative integer");
    }
    Map<String, Object> recurring =
        p.nested("recurring").map(r -> recurring(r.required("interval"))).orElse(null);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", StripeStore.newId("price_"));
    o.put("object", "price");
    o.put("active", active);
    o.put("billing_scheme", "per_unit");
    o.put("created", store.now());
    o.put("currency", p.required("currency").toLowerCase(java.util.Locale.ROOT));
    o.put("custom_unit_amount", null);
    o.put("livemode", false);
    o.put("lookup_key", p.string("lookup_key").orElse(null));
    o.put("metadata", p.metadata(Map.of()));
    o.put("nickname", p.string("nickname").orElse(null));
    o.put("product", productId);
    o.put("recurring", recurring);
    o.put("tax_behavior", p.string("tax_behavior").orElse("unspecified"));
    o.put("tiers_mode", null);
    o.put("transform_quantity", null);
    o.put("type", recurring == null ? "one_time" : "recurring");
    o.put("unit_amount", amount);
    o.put("unit_amount_decimal", Long.toString(amount));
    store.insert(o);
    events.emit(call, "price.created", o, null);
    return o;
  }

  private Map<String, Object> update(String type, Call call) {
    Map<String, Object> o = store.get(type, call.arg(0), "id");
    Params p = call.params();
    Map<String, Object> previous = new HashMap<>();
    for (String field : List.of("name", "description", "nickname")) {
      if (p.has(field) && o.containsKey(field)) {
        previous.put(field, o.get(field));
        o.put(field, p.string(field).filter(s -> !s.isEmpty()).orElse(null));
      }
    }
    p.bool("active").ifPresent(a -> previous.put("active", o.put("active", a)));
    if (p.has("metadata")) {
      previous.put("metadata", o.get("metadata"));
      o.put("metadata", p.metadata(CustomersApi.castMap(o.get("metadata"))));
    }
    if (o.containsKey("updated")) {
      o.put("updated", store.now());
    }
    events.emit(call, type + ".updated", o, previous);
    return store.render(o);
  }

  private Map<String, Object> render(String type, String id) {
    return store.render(store.get(type, id, "id"));
  }

  private static Map<String, Object> recurring(String interval) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("interval", interval);
    r.put("interval_count", 1L);
    r.put("meter", null);
    r.put("trial_period_days", null);
    r.put("usage_type", "licensed");
    return r;
  }

  private static Predicate<Map<String, Object>> activeFilter(Params p) {
    return p.bool("active")
        .<Predicate<Map<String, Object>>>map(a -> o -> a.equals(o.get("active")))
        .orElse(o -> true);
  }

  private static Predicate<Map<String, Object>> equalIfGiven(Params p, String field) {
    return p.string(field)
        .<Predicate<Map<String, Object>>>map(v -> o -> v.equals(o.get(field)))
        .orElse(o -> true);
  }
}
