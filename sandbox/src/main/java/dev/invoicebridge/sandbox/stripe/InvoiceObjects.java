package dev.invoicebridge.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes of invoice, invoice item and line item, field for field as Stripe's fixtures. */
final class InvoiceObjects {
  private InvoiceObjects() {}

  /** A new draft: amounts zero until lines arrive, no number or hosted URL until finalized. */
  static Map<String, Object> draft(String id, Map<String, Object> customer, long now) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.put("object", "invoice");
    o.put("account_country", "US");
    o.put("account_name", "Invoicebridge Sandbox Ltd");
    o.put("account_tax_ids", null);
    o.put("amount_due", 0L);
    o.put("amount_overpaid", 0L);
    o.put("amount_paid", 0L);
    o.put("amount_remaining", 0L);
    o.put("amount_shipping", 0L);
    o.put("application", null);
    o.put("attempt_count", 0L);
    o.put("attempted", false);
    o.put("auto_advance", false);
    o.put("automatic_tax", automaticTax());
    o.put("automatically_finalizes_at", null);
    o.put("billing_reason", "manual");
    o.put("collection_method", "charge_automatically");
    o.put("created", now);
    o.put("currency", "usd");
    o.put("custom_fields", null);
    o.put("customer", customer.get("id"));
    o.put("customer_account", null);
    o.put("customer_address", customer.get("address"));
    o.put("customer_email", customer.get("email"));
    o.put("customer_name", customer.get("name"));
    o.put("customer_phone", customer.get("phone"));
    o.put("customer_shipping", null);
    o.put("customer_tax_exempt", "none");
    o.put("customer_tax_ids", List.of());
    o.put("default_payment_method", null);
    o.put("default_source", null);
    o.put("default_tax_rates", List.of());
    o.put("description", null);
    o.put("discounts", List.of());
    o.put("due_date", null);
    o.put("effective_at", null);
    o.put("ending_balance", null);
    o.put("footer", null);
    o.put("from_invoice", null);
    o.put("hosted_invoice_url", null);
    o.put("invoice_pdf", null);
    o.put("issuer", Map.of("type", "self"));
    o.put("last_finalization_error", null);
    o.put("latest_revision", null);
    o.put("livemode", false);
    o.put("metadata", Map.of());
    o.put("next_payment_attempt", null);
    o.put("number", null);
    o.put("on_behalf_of", null);
    o.put("parent", null);
    o.put("payment_settings", paymentSettings());
    o.put("period_end", now);
    o.put("period_start", now);
    o.put("post_payment_credit_notes_amount", 0L);
    o.put("pre_payment_credit_notes_amount", 0L);
    o.put("receipt_number", null);
    o.put("rendering", null);
    o.put("shipping_cost", null);
    o.put("shipping_details", null);
    o.put("starting_balance", 0L);
    o.put("statement_descriptor", null);
    o.put("status", "draft");
    o.put("status_transitions", statusTransitions());
    o.put("subscription", null);
    o.put("subtotal", 0L);
    o.put("subtotal_excluding_tax", 0L);
    o.put("test_clock", null);
    o.put("total", 0L);
    o.put("total_discount_amounts", List.of());
    o.put("total_excluding_tax", 0L);
    o.put("total_pretax_credit_amounts", List.of());
    o.put("total_taxes", List.of());
    o.put("webhooks_delivered_at", null);
    return o;
  }

  /** An invoice item; {@code price} is null for a plain amount line. */
  static Map<String, Object> item(ItemSpec spec, long now) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", StripeStore.newId("ii_"));
    o.put("object", "invoiceitem");
    o.put("amount", spec.amount());
    o.put("currency", spec.currency());
    o.put("customer", spec.customer());
    o.put("customer_account", null);
    o.put("date", now);
    o.put("description", spec.description());
    o.put("discountable", true);
    o.put("discounts", List.of());
    o.put("invoice", spec.invoice());
    o.put("livemode", false);
    o.put("metadata", spec.metadata());
    o.put("net_amount", spec.amount());
    o.put("parent", null);
    o.put("period", Map.of("end", now, "start", now));
    o.put("pricing", pricing(spec));
    o.put("proration", false);
    o.put("quantity", spec.quantity());
    o.put("quantity_decimal", Long.toString(spec.quantity()));
    o.put("tax_rates", List.of());
    o.put("test_clock", null);
    return o;
  }

  /** The invoice's line for an item, backed by it through {@code parent.invoice_item_details}. */
  static Map<String, Object> line(Map<String, Object> item) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("invoice_item", item.get("id"));
    details.put("proration", false);
    Map<String, Object> proration = new LinkedHashMap<>();
    proration.put("credited_items", null);
    details.put("proration_details", proration);
    details.put("subscription", null);
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("invoice_item_details", details);
    parent.put("subscription_item_details", null);
    parent.put("type", "invoice_item_details");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", StripeStore.newId("il_"));
    o.put("object", "line_item");
    o.put("amount", item.get("amount"));
    o.put("currency", item.get("currency"));
    o.put("description", item.get("description"));
    o.put("discount_amounts", List.of());
    o.put("discountable", true);
    o.put("discounts", List.of());
    o.put("invoice", item.get("invoice"));
    o.put("livemode", false);
    o.put("metadata", item.get("metadata"));
    o.put("parent", parent);
    o.put("period", item.get("period"));
    o.put("pretax_credit_amounts", List.of());
    o.put("pricing", item.get("pricing"));
    o.put("quantity", item.get("quantity"));
    o.put("quantity_decimal", item.get("quantity_decimal"));
    o.put("subscription", null);
    o.put("subtotal", item.get("amount"));
    o.put("taxes", List.of());
    return o;
  }

  /** What an invoice item is made of, after its price has been resolved. */
  record ItemSpec(
      String customer,
      String invoice,
      String currency,
      String description,
      long quantity,
      long unitAmount,
      String price,
      String product,
      Map<String, Object> metadata) {
    long amount() {
      return unitAmount * quantity;
    }

    /** The same item, billed at the inline price just made for it. */
    ItemSpec priced(String priceId, String productId) {
      return new ItemSpec(
          customer,
          invoice,
          currency,
          description,
          quantity,
          unitAmount,
          priceId,
          productId,
          metadata);
    }
  }

  private static Map<String, Object> pricing(ItemSpec spec) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "price_details");
    p.put(
        "price_details",
        spec.price() == null ? null : Map.of("price", spec.price(), "product", spec.product()));
    p.put("unit_amount_decimal", Long.toString(spec.unitAmount()));
    return p;
  }

  private static Map<String, Object> automaticTax() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("disabled_reason", null);
    t.put("enabled", false);
    t.put("liability", Map.of("type", "self"));
    t.put("provider", null);
    t.put("status", null);
    return t;
  }

  private static Map<String, Object> statusTransitions() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("finalized_at", null);
    t.put("marked_uncollectible_at", null);
    t.put("paid_at", null);
    t.put("voided_at", null);
    return t;
  }

  private static Map<String, Object> paymentSettings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("default_mandate", null);
    s.put("payment_method_options", null);
    s.put("payment_method_types", null);
    return s;
  }
}
