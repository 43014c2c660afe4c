package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.INVOICES;
import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.INVOICE_ITEMS;

import dev.invoicebridge.sandbox.stripe.InvoiceObjects.ItemSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Invoice items ({@code /v1/invoiceitems}) and the batch {@code add_lines} endpoint: an amount, a
 * catalog price ({@code pricing[price]}) or an inline {@code price_data}, only on drafts.
 */
final class InvoiceItemsApi {
  static final int MAX_ITEMS_PER_INVOICE = 250;

  private final StripeStore store;
  private final EventLog events;
  private final CatalogApi catalog;

  InvoiceItemsApi(StripeStore store, EventLog events, CatalogApi catalog) {
    this.store = store;
    this.events = events;
    this.catalog = catalog;
  }

  void register(Router router) {
    router.add("POST", "/v1/invoiceitems", INVOICE_ITEMS, this::create);
    router.add("GET", "/v1/invoiceitems", INVOICE_ITEMS, this::list);
    router.add("GET", "/v1/invoiceitems/{id}", INVOICE_ITEMS, c -> render(c.arg(0)));
    router.add("POST", "/v1/invoiceitems/{id}", INVOICE_ITEMS, this::update);
    router.add("DELETE", "/v1/invoiceitems/{id}", INVOICE_ITEMS, this::delete);
    router.add("POST", "/v1/invoices/{id}/add_lines", INVOICES, this::addLines);
  }

  private Map<String, Object> create(Call call) {
    Params p = call.params();
    Optional<Map<String, Object>> invoice =
        p.string("invoice").map(id -> store.get("invoice", id, "invoice"));
    Map<String, Object> previous = invoice.map(InvoiceItemsApi::totals).orElse(null);
    String customer =
        p.string("customer")
            .map(id -> (String) store.get("customer", id, "customer").get("id"))
            .or(() -> invoice.map(i -> (String) i.get("customer")))
            .orElseThrow(() -> p.missingParam("customer"));
    Map<String, Object> item = add(call, p, customer, invoice.orElse(null));
    invoice.ifPresent(i -> events.emit(call, "invoice.updated", i, previous));
    return store.render(item);
  }

  private Map<String, Object> addLines(Call call) {
    Map<String, Object> invoice = store.get("invoice", call.arg(0), "invoice");
    Params p = call.params();
    List<Object> lines = p.list("lines");
    if (lines.isEmpty()) {
      throw p.missingParam("lines");
    }
    requireDraft(invoice);
    if (store.lineIds((String) invoice.get("id")).size() + lines.size() > MAX_ITEMS_PER_INVOICE) {
      throw tooMany();
    }
    Map<String, Object> previous = totals(invoice);
    for (int i = 0; i < lines.size(); i++) {
      if (!(lines.get(i) instanceof Map<?, ?> m)) {
        throw StripeApiException.invalid("lines[" + i + "]", "Invalid object");
      }
      add(
          call,
          new Params("lines[" + i + "]", CustomersApi.castMap(m)),
          (String) invoice.get("customer"),
          invoice);
    }
    if (p.has("invoice_metadata")) {
      invoice.put(
          "metadata",
          new Params(Map.of("metadata", p.values().get("invoice_metadata")))
              .metadata(CustomersApi.castMap(invoice.get("metadata"))));
    }
    events.emit(call, "invoice.updated", invoice, previous);
    return store.render(invoice);
  }

  private static Map<String, Object> totals(Map<String, Object> invoice) {
    Map<String, Object> t = new HashMap<>();
    for (String f : List.of("subtotal", "total", "amount_due", "amount_remaining")) {
      t.put(f, invoice.get(f));
    }
    return t;
  }

  /**
   * Creates one item (and its line on {@code invoice}, if any) from amount, price or price_data.
   */
  private Map<String, Object> add(
      Call call, Params p, String customer, Map<String, Object> invoice) {
    if (invoice != null) {
      requireDraft(invoice);
      if (store.lineIds((String) invoice.get("id")).size() >= MAX_ITEMS_PER_INVOICE) {
        throw tooMany();
      }
    }
    ItemSpec spec = spec(call, p, customer, invoice);
    Map<String, Object> item = InvoiceObjects.item(spec, store.now());
    store.insert(item);
    events.emit(call, "invoiceitem.created", item, null);
    if (invoice != null) {
      Map<String, Object> line = InvoiceObjects.line(item);
      store.insert(line);
      store.lineIds((String) invoice.get("id")).add((String) line.get("id"));
      InvoiceLifecycle.recalculate(store, invoice);
    }
    return item;
  }

  private ItemSpec spec(Call call, Params p, String customer, Map<String, Object> invoice) {
    long quantity = p.integer("quantity").orElse(1L);
    if (quantity < 0) {
      throw StripeApiException.invalid(p.prefix() + "quantity", "Invalid non-negative integer");
    }
    Optional<Map<String, Object>> price = price(call, p);
    String currency =
        price
            .map(pr -> (String) pr.get("currency"))
            .or(() -> p.string("currency").map(c -> c.toLowerCase(Locale.ROOT)))
            .or(() -> Optional.ofNullable(invoice).map(i -> (String) i.get("currency")))
            .orElseThrow(() -> p.missingParam("currency"));
    if (invoice != null && !currency.equals(invoice.get("currency"))) {
      throw StripeApiException.invalid(
          "currency",
          "The currency of this invoice item ("
              + currency
              + ") must match the currency of the invoice ("
              + invoice.get("currency")
              + ").");
    }
    long unit =
        price
            .map(pr -> ((Number) pr.get("unit_amount")).longValue())
            .or(() -> p.integer("amount"))
            .orElseThrow(() -> p.missingParam("amount"));
    if (price.isEmpty()) {
      quantity = 1; // a plain amount is the line's total
    }
    String product = price.map(pr -> (String) pr.get("product")).orElse(null);
    String description =
        p.string("description")
            .orElseGet(
                () ->
                    product == null
                        ? null
                        : (String) store.get("product", product, "product").get("name"));
    return new ItemSpec(
        customer,
        invoice == null ? null : (String) invoice.get("id"),
        currency,
        description,
        quantity,
        unit,
        price.map(pr -> (String) pr.get("id")).orElse(null),
        product,
        p.metadata(Map.of()));
  }

  /** The price from {@code pricing[price]}, or a new inactive inline price from price_data. */
  private Optional<Map<String, Object>> price(Call call, Params p) {
    if (p.has("price")) {
      // Since 2025-03-31.basil the price moved to pricing[price].
      throw StripeApiException.invalid(p.prefix() + "price", "Received unknown parameter: price");
    }
    Optional<String> priceId = p.nested("pricing").flatMap(pr -> pr.string("price"));
    if (priceId.isPresent()) {
      return Optional.of(store.get("price", priceId.get(), "pricing[price]"));
    }
    return p.nested("price_data")
        .map(
            d -> {
              String product = d.required("product");
              store.get("product", product, "price_data[product]");
              return catalog.price(call, d, product, false, d.integer("unit_amount"));
            });
  }

  private Map<String, Object> list(Call call) {
    Params p = call.params();
    List<Map<String, Object>> all =
        store.newestFirst("invoiceitem").stream()
            .filter(i -> p.string("invoice").map(v -> v.equals(i.get("invoice"))).orElse(true))
            .filter(i -> p.string("customer").map(v -> v.equals(i.get("customer"))).orElse(true))
            .toList();
    return Lists.page(all, p, "/v1/invoiceitems", store::render);
  }

  private Map<String, Object> update(Call call) {
    Map<String, Object> item = store.get("invoiceitem", call.arg(0), "id");
    Optional.ofNullable((String) item.get("invoice"))
        .ifPresent(id -> requireDraft(store.get("invoice", id, "invoice")));
    Map<String, Object> previous = new HashMap<>();
    call.params()
        .string("description")
        .ifPresent(d -> previous.put("description", item.put("description", d)));
    if (call.params().has("metadata")) {
      previous.put(
          "metadata",
          item.put("metadata", call.params().metadata(CustomersApi.castMap(item.get("metadata")))));
    }
    events.emit(call, "invoiceitem.updated", item, previous);
    return store.render(item);
  }

  /** Deletes an item that is pending or on a draft, with its line. */
  private Map<String, Object> delete(Call call) {
    Map<String, Object> item = store.get("invoiceitem", call.arg(0), "id");
    String invoiceId = (String) item.get("invoice");
    if (invoiceId != null) {
      Map<String, Object> invoice = store.get("invoice", invoiceId, "invoice");
      requireDraft(invoice);
      Map<String, Object> previous = totals(invoice);
      store
          .lineIds(invoiceId)
          .removeIf(
              lineId -> {
                Map<String, Object> details =
                    CustomersApi.castMap(
                        CustomersApi.castMap(store.get("line_item", lineId, "id").get("parent"))
                            .get("invoice_item_details"));
                boolean match = item.get("id").equals(details.get("invoice_item"));
                if (match) {
                  store.remove(lineId);
                }
                return match;
              });
      InvoiceLifecycle.recalculate(store, invoice);
      events.emit(call, "invoice.updated", invoice, previous);
    }
    store.remove((String) item.get("id"));
    events.emit(call, "invoiceitem.deleted", item, null);
    return Map.of("id", item.get("id"), "object", "invoiceitem", "deleted", true);
  }

  private Map<String, Object> render(String id) {
    return store.render(store.get("invoiceitem", id, "id"));
  }

  static void requireDraft(Map<String, Object> invoice) {
    if (!"draft".equals(invoice.get("status"))) {
      throw StripeApiException.state(
          "invoice_not_editable",
          "You can only modify draft invoices. This invoice ("
              + invoice.get("id")
              + ") is "
              + invoice.get("status")
              + ".");
    }
  }

  private static StripeApiException tooMany() {
    return StripeApiException.invalid(
        "invoice", "An invoice cannot have more than " + MAX_ITEMS_PER_INVOICE + " invoice items.");
  }
}
