package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.INVOICES;
import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.INVOICE_ITEMS;

import dev.invoicebridge.sandbox.stripe.InvoiceObjects.ItemSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invoice items ({@code /v1/invoiceitems}) and the batch {@code add_lines} endpoint: an amount, a
 * catalog price ({@code pricing[price]}) or an inline {@code price_data}, only on drafts. Every
 * line of a call is validated before the first is added.
 */
final class InvoiceItemsApi {
  static final int MAX_ITEMS_PER_INVOICE = 250;

  private final StripeStore store;
  private final EventLog events;
  private final CatalogApi catalog;
  private final ItemValidation items;

  InvoiceItemsApi(StripeStore store, EventLog events, CatalogApi catalog) {
    this.store = store;
    this.events = events;
    this.catalog = catalog;
    this.items = new ItemValidation(store, catalog);
  }

  void register(Router router) {
    Allowed list = Allowed.LIST.and("customer", "customer_account", "invoice", "pending");
    router.add("POST", "/v1/invoiceitems", INVOICE_ITEMS, EndpointParams.ITEM_CREATE, this::create);
    router.add("GET", "/v1/invoiceitems", INVOICE_ITEMS, list, this::list);
    router.add("GET", "/v1/invoiceitems/{id}", INVOICE_ITEMS, Allowed.NONE, c -> render(c.arg(0)));
    router.add(
        "POST", "/v1/invoiceitems/{id}", INVOICE_ITEMS, EndpointParams.ITEM_UPDATE, this::update);
    router.add("DELETE", "/v1/invoiceitems/{id}", INVOICE_ITEMS, Allowed.NONE, this::delete);
    router.add(
        "POST",
        "/v1/invoices/{id}/add_lines",
        INVOICES,
        EndpointParams.ITEM_ADD_LINES,
        this::addLines);
  }

  private Map<String, Object> create(Call call) {
    Params p = call.params();
    Optional<Map<String, Object>> invoice =
        p.string("invoice").map(id -> store.get("invoice", id, "invoice"));
    String customer =
        p.string("customer")
            .map(id -> (String) store.get("customer", id, "customer").get("id"))
            .or(() -> invoice.map(i -> (String) i.get("customer")))
            .orElseThrow(() -> p.missingParam("customer"));
    invoice.ifPresent(i -> requireRoom(i, 1));
    ItemValidation.Pending pending = items.validate(p, customer, invoice.orElse(null));
    Map<String, Object> previous = invoice.map(InvoiceItemsApi::totals).orElse(null);
    Map<String, Object> item = add(call, pending, invoice.orElse(null));
    invoice.ifPresent(i -> events.emit(call, "invoice.updated", i, previous));
    return store.render(item);
  }

  private Map<String, Object> addLines(Call call) {
    Map<String, Object> invoice = store.get("invoice", call.arg(0), "invoice");
    Params p = call.params();
    List<Object> raw = p.list("lines");
    if (raw.isEmpty()) {
      throw p.missingParam("lines");
    }
    requireRoom(invoice, raw.size());
    // Stripe adds all the lines or none: every line is checked before the first is added.
    List<ItemValidation.Pending> lines = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (!(raw.get(i) instanceof Map<?, ?> m)) {
        throw StripeApiException.invalid("lines[" + i + "]", "Invalid object");
      }
      Params line = new Params("lines[" + i + "]", CustomersApi.castMap(m));
      lines.add(items.validate(line, (String) invoice.get("customer"), invoice));
    }
    Optional<Map<String, Object>> metadata =
        p.has("invoice_metadata")
            ? Optional.of(
                new Params(Map.of("metadata", p.values().get("invoice_metadata")))
                    .metadata(CustomersApi.castMap(invoice.get("metadata"))))
            : Optional.empty();
    Map<String, Object> previous = totals(invoice);
    lines.forEach(line -> add(call, line, invoice));
    metadata.ifPresent(m -> invoice.put("metadata", m));
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

  /** Creates one validated item, its inline price if any, and its line on {@code invoice}. */
  private Map<String, Object> add(
      Call call, ItemValidation.Pending pending, Map<String, Object> invoice) {
    ItemSpec spec = pending.spec();
    if (pending.priceData().isPresent()) {
      Params d = pending.priceData().get();
      String product =
          spec.product() != null
              ? spec.product()
              : (String) catalog.product(call, d.nested("product_data").orElseThrow()).get("id");
      Map<String, Object> price = catalog.inlinePrice(call, d, product);
      spec = spec.priced((String) price.get("id"), product);
    }
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
    return StripeStore.deleted(item.get("id"), "invoiceitem");
  }

  private Map<String, Object> render(String id) {
    return store.render(store.get("invoiceitem", id, "id"));
  }

  /** A draft with room for {@code more} items. */
  private void requireRoom(Map<String, Object> invoice, int more) {
    requireDraft(invoice);
    if (store.lineIds((String) invoice.get("id")).size() + more > MAX_ITEMS_PER_INVOICE) {
      throw StripeApiException.invalid(
          "invoice",
          "An invoice cannot have more than " + MAX_ITEMS_PER_INVOICE + " invoice items.");
    }
  }

  /**
   * Only drafts take new or changed items. {@code invoice_not_editable} is the code Stripe's
   * error-code list gives for "the specified invoice can no longer be edited"; the message is ours.
   */
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
}
