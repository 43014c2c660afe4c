package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.INVOICES;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** /v1/invoices: create a draft, retrieve, update, list with created windows, and its lines. */
final class InvoicesApi {
  private static final Set<String> METHODS = Set.of("charge_automatically", "send_invoice");

  private final StripeStore store;
  private final EventLog events;

  InvoicesApi(StripeStore store, EventLog events) {
    this.store = store;
    this.events = events;
  }

  void register(Router router) {
    router.add("POST", "/v1/invoices", INVOICES, EndpointParams.INVOICE_CREATE, this::create);
    router.add("GET", "/v1/invoices", INVOICES, EndpointParams.INVOICE_LIST, this::list);
    router.add("GET", "/v1/invoices/{id}", INVOICES, Allowed.NONE, c -> store.render(invoice(c)));
    router.add("POST", "/v1/invoices/{id}", INVOICES, EndpointParams.INVOICE_UPDATE, this::update);
    router.add("GET", "/v1/invoices/{id}/lines", INVOICES, Allowed.LIST, this::lines);
  }

  private Map<String, Object> create(Call call) {
    Params p = call.params();
    Map<String, Object> customer = store.get("customer", p.required("customer"), "customer");
    String method = p.string("collection_method").orElse("charge_automatically");
    if (!METHODS.contains(method)) {
      throw StripeApiException.invalid("collection_method", "Invalid collection_method: " + method);
    }
    Map<String, Object> inv = InvoiceObjects.draft(StripeStore.newId("in_"), customer, store.now());
    inv.put("collection_method", method);
    inv.put("due_date", dueDate(p, method));
    inv.put("auto_advance", p.bool("auto_advance").orElse(false));
    inv.put(
        "currency",
        p.string("currency")
            .map(c -> c.toLowerCase(Locale.ROOT))
            .orElse(customer.get("currency") == null ? "usd" : (String) customer.get("currency")));
    inv.put("description", p.string("description").orElse(null));
    inv.put("footer", p.string("footer").orElse(null));
    inv.put("metadata", p.metadata(Map.of()));
    p.string("number").ifPresent(n -> inv.put("number", n));
    if (customer.get("currency") == null) {
      customer.put("currency", inv.get("currency"));
    }
    store.insert(inv);
    events.emit(call, "invoice.created", inv, null);
    return store.render(inv);
  }

  private Long dueDate(Params p, String method) {
    if (p.has("due_date") && p.has("days_until_due")) {
      throw StripeApiException.invalid(
          "due_date", "You may only specify one of these parameters: days_until_due, due_date.");
    }
    if (!method.equals("send_invoice")) {
      if (p.has("due_date") || p.has("days_until_due")) {
        throw StripeApiException.invalid(
            p.has("due_date") ? "due_date" : "days_until_due",
            "Can't set a due date for invoices with collection_method=charge_automatically.");
      }
      return null;
    }
    return p.integer("due_date")
        .orElseGet(
            () ->
                store.now()
                    + 86_400L
                        * p.integer("days_until_due")
                            .orElseThrow(() -> p.missingParam("days_until_due")));
  }

  private Map<String, Object> update(Call call) {
    Map<String, Object> inv = invoice(call);
    Params p = call.params();
    boolean draft = "draft".equals(inv.get("status"));
    // Open invoices keep metadata and memo editable; everything else only while draft.
    for (String f :
        List.of("due_date", "days_until_due", "footer", "auto_advance", "collection_method")) {
      if (p.has(f) && !draft) {
        InvoiceItemsApi.requireDraft(inv);
      }
    }
    Map<String, Object> previous = new HashMap<>();
    if (p.has("metadata")) {
      previous.put(
          "metadata", inv.put("metadata", p.metadata(CustomersApi.castMap(inv.get("metadata")))));
    }
    p.string("description")
        .ifPresent(
            d -> previous.put("description", inv.put("description", d.isEmpty() ? null : d)));
    p.integer("due_date").ifPresent(d -> previous.put("due_date", inv.put("due_date", d)));
    p.integer("days_until_due")
        .ifPresent(
            d ->
                previous.put(
                    "due_date",
                    inv.put("due_date", ((Number) inv.get("created")).longValue() + 86_400L * d)));
    p.string("footer").ifPresent(f -> previous.put("footer", inv.put("footer", f)));
    p.bool("auto_advance").ifPresent(a -> previous.put("auto_advance", inv.put("auto_advance", a)));
    events.emit(call, "invoice.updated", inv, previous);
    return store.render(inv);
  }

  private Map<String, Object> list(Call call) {
    Params p = call.params();
    List<Map<String, Object>> all =
        store.newestFirst("invoice").stream()
            .filter(i -> p.string("customer").map(v -> v.equals(i.get("customer"))).orElse(true))
            .filter(i -> p.string("status").map(v -> v.equals(i.get("status"))).orElse(true))
            .filter(
                i ->
                    p.string("collection_method")
                        .map(v -> v.equals(i.get("collection_method")))
                        .orElse(true))
            .toList();
    return Lists.page(all, p, "/v1/invoices", store::render);
  }

  private Map<String, Object> lines(Call call) {
    Map<String, Object> inv = invoice(call);
    List<String> ids = store.lineIds((String) inv.get("id"));
    // Lines list in invoice order, not newest first; paging uses the same cursors.
    List<Map<String, Object>> lines =
        ids.stream().map(id -> store.get("line_item", id, "id")).toList();
    return Lists.page(
        lines, call.params(), "/v1/invoices/" + inv.get("id") + "/lines", store::render);
  }

  private Map<String, Object> invoice(Call call) {
    return store.get("invoice", call.arg(0), "invoice");
  }
}
