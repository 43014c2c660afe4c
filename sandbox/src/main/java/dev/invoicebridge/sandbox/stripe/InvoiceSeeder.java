package dev.invoicebridge.sandbox.stripe;

import dev.invoicebridge.sandbox.stripe.InvoiceObjects.ItemSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /_control/invoices/seed}: an account's history in one call, for backfill tests and
 * benchmarks. One customer (found by exact email, else created) gets {@code count} one-line
 * invoices, oldest first, {@code interval_seconds} apart and ending one interval before now, their
 * statuses cycling through {@code statuses[]}. The result is deterministic but for the random ids.
 * It emits no events: this is history the account already had, not news, so no webhook fires.
 */
final class InvoiceSeeder {
  static final int MAX_COUNT = 10_000;
  private static final List<String> ALL_STATUSES =
      List.of("draft", "open", "paid", "void", "uncollectible");

  private final StripeSandbox sandbox;

  InvoiceSeeder(StripeSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** What to seed, read and checked before anything is written. */
  private record Seed(
      String email,
      String name,
      int count,
      List<String> statuses,
      long unitAmount,
      String currency,
      long intervalSeconds) {
    static Seed of(Params p) {
      String email = p.required("email");
      long count = p.integer("count").orElseThrow(() -> p.missingParam("count"));
      if (count < 1 || count > MAX_COUNT) {
        throw StripeApiException.invalid("count", "count must be 1 to " + MAX_COUNT + ".");
      }
      List<String> statuses = p.has("statuses") ? p.strings("statuses") : ALL_STATUSES;
      for (String s : statuses) {
        if (!ALL_STATUSES.contains(s)) {
          throw StripeApiException.invalid("statuses", "Unknown invoice status: " + s);
        }
      }
      if (statuses.isEmpty()) {
        throw p.missingParam("statuses");
      }
      long interval = p.integer("interval_seconds").orElse(3600L);
      if (interval < 0) {
        throw StripeApiException.invalid("interval_seconds", "interval_seconds must be >= 0.");
      }
      long amount = p.integer("unit_amount").orElse(10_000L);
      if (amount < 1) {
        throw StripeApiException.invalid("unit_amount", "unit_amount must be >= 1.");
      }
      return new Seed(
          email,
          p.string("name").orElse(email),
          (int) count,
          statuses,
          amount,
          p.string("currency").orElse("usd").toLowerCase(Locale.ROOT),
          interval);
    }
  }

  Map<String, Object> seed(Params params) {
    Seed seed = Seed.of(params);
    Call call = new Call(new Params(Map.of()), List.of(), null, null);
    return sandbox.execute(call, c -> seed(seed));
  }

  private Map<String, Object> seed(Seed seed) {
    StripeStore store = sandbox.store();
    Map<String, Object> customer = customer(store, seed);
    long now = store.now();
    List<String> ids = new ArrayList<>(seed.count());
    for (int k = 0; k < seed.count(); k++) {
      long created = now - (seed.count() - k) * seed.intervalSeconds();
      String status = seed.statuses().get(k % seed.statuses().size());
      ids.add(invoice(store, customer, seed, created, status));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("customer", customer.get("id"));
    result.put("count", ids.size());
    result.put("invoices", ids);
    return result;
  }

  private static Map<String, Object> customer(StripeStore store, Seed seed) {
    for (Map<String, Object> c : store.newestFirst("customer")) {
      if (seed.email().equals(c.get("email"))) {
        return c;
      }
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", StripeStore.newId("cus_"));
    c.put("object", "customer");
    c.put("address", null);
    c.put("balance", 0L);
    c.put("created", store.now());
    c.put("currency", seed.currency());
    c.put("default_source", null);
    c.put("delinquent", false);
    c.put("description", null);
    c.put("discount", null);
    c.put("email", seed.email());
    c.put("invoice_prefix", StripeStore.random(8).toUpperCase(Locale.ROOT));
    c.put("invoice_settings", Map.of());
    c.put("livemode", false);
    c.put("metadata", Map.of());
    c.put("name", seed.name());
    c.put("next_invoice_sequence", 1L);
    c.put("phone", null);
    c.put("preferred_locales", List.of());
    c.put("shipping", null);
    c.put("tax_exempt", "none");
    c.put("test_clock", null);
    store.insert(c);
    return c;
  }

  /** One invoice with one line, brought to {@code status} as its transitions would have. */
  private String invoice(
      StripeStore store, Map<String, Object> customer, Seed seed, long created, String status) {
    String id = StripeStore.newId("in_");
    Map<String, Object> inv = InvoiceObjects.draft(id, customer, created);
    inv.put("collection_method", "send_invoice");
    inv.put("due_date", created + 30 * 86_400L);
    inv.put("currency", seed.currency());
    store.insert(inv);
    ItemSpec spec =
        new ItemSpec(
            (String) customer.get("id"),
            id,
            seed.currency(),
            "Seeded service",
            1,
            seed.unitAmount(),
            null,
            null,
            Map.of());
    Map<String, Object> item = InvoiceObjects.item(spec, created);
    store.insert(item);
    Map<String, Object> line = InvoiceObjects.line(item);
    store.insert(line);
    store.lineIds(id).add((String) line.get("id"));
    InvoiceLifecycle.recalculate(store, inv);
    if (!status.equals("draft")) {
      finalized(inv, customer, created);
    }
    Map<String, Object> transitions = CustomersApi.castMap(inv.get("status_transitions"));
    switch (status) {
      case "paid" -> {
        inv.put("amount_paid", inv.get("amount_due"));
        inv.put("amount_remaining", 0L);
        inv.put("attempted", true);
        transitions.put("paid_at", created + 60);
      }
      case "void" -> transitions.put("voided_at", created + 60);
      case "uncollectible" -> transitions.put("marked_uncollectible_at", created + 60);
      default -> {
        // draft and open need nothing more
      }
    }
    if (Set.of("paid", "void", "uncollectible").contains(status)) {
      inv.put("status", status);
    }
    return id;
  }

  private void finalized(Map<String, Object> inv, Map<String, Object> customer, long created) {
    long sequence = ((Number) customer.get("next_invoice_sequence")).longValue();
    customer.put("next_invoice_sequence", sequence + 1);
    String token = "test_" + StripeStore.random(40);
    String account = sandbox.accountId();
    inv.put("status", "open");
    inv.put("number", customer.get("invoice_prefix") + "-" + String.format("%04d", sequence));
    inv.put(
        "hosted_invoice_url", "https://invoice.stripe.com/i/" + account + "/" + token + "?s=ap");
    inv.put("invoice_pdf", "https://pay.stripe.com/invoice/" + account + "/" + token + "/pdf?s=ap");
    inv.put("effective_at", created);
    CustomersApi.castMap(inv.get("status_transitions")).put("finalized_at", created);
  }
}
