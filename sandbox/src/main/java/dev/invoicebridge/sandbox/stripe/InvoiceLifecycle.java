package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.INVOICES;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The invoice state machine: draft to open (finalize), open to paid, void or uncollectible,
 * uncollectible to paid or void; paid and void are terminal. Every transition emits its events.
 */
final class InvoiceLifecycle {
  private final StripeStore store;
  private final EventLog events;
  private final String accountId;

  InvoiceLifecycle(StripeStore store, EventLog events, String accountId) {
    this.store = store;
    this.events = events;
    this.accountId = accountId;
  }

  void register(Router router) {
    router.add(
        "POST",
        "/v1/invoices/{id}/finalize",
        INVOICES,
        Allowed.of("auto_advance"),
        c -> finalizeInvoice(c, invoice(c)));
    router.add("POST", "/v1/invoices/{id}/send", INVOICES, Allowed.NONE, this::send);
    Allowed pay =
        Allowed.of(
            "forgive", "mandate", "off_session", "paid_out_of_band", "payment_method", "source");
    router.add("POST", "/v1/invoices/{id}/pay", INVOICES, pay, this::pay);
    router.add("POST", "/v1/invoices/{id}/void", INVOICES, Allowed.NONE, this::voidInvoice);
    router.add(
        "POST",
        "/v1/invoices/{id}/mark_uncollectible",
        INVOICES,
        Allowed.NONE,
        this::markUncollectible);
    router.add("DELETE", "/v1/invoices/{id}", INVOICES, Allowed.NONE, this::delete);
  }

  /** Totals from the lines: no tax or discounts in the sandbox, so total equals subtotal. */
  static void recalculate(StripeStore store, Map<String, Object> invoice) {
    long subtotal = 0;
    for (String lineId : store.lineIds((String) invoice.get("id"))) {
      subtotal += ((Number) store.get("line_item", lineId, "id").get("amount")).longValue();
    }
    long paid = ((Number) invoice.get("amount_paid")).longValue();
    for (String f :
        new String[] {
          "subtotal", "subtotal_excluding_tax", "total", "total_excluding_tax", "amount_due"
        }) {
      invoice.put(f, subtotal);
    }
    invoice.put("amount_remaining", Math.max(0, subtotal - paid));
  }

  Map<String, Object> finalizeInvoice(Call call, Map<String, Object> inv) {
    if (!"draft".equals(inv.get("status"))) {
      // Stripe's wording, as public code that handles this answer quotes it.
      throw StripeApiException.transition(
          "This invoice is already finalized, you can't re-finalize a non-draft invoice.");
    }
    Map<String, Object> customer = store.get("customer", (String) inv.get("customer"), "customer");
    long sequence = ((Number) customer.get("next_invoice_sequence")).longValue();
    customer.put("next_invoice_sequence", sequence + 1);
    String token = "test_" + StripeStore.random(40);
    Map<String, Object> previous = snapshot(inv, "status", "number", "hosted_invoice_url");
    inv.put("status", "open");
    if (inv.get("number") == null) {
      inv.put("number", customer.get("invoice_prefix") + "-" + String.format("%04d", sequence));
    }
    inv.put(
        "hosted_invoice_url", "https://invoice.stripe.com/i/" + accountId + "/" + token + "?s=ap");
    inv.put(
        "invoice_pdf", "https://pay.stripe.com/invoice/" + accountId + "/" + token + "/pdf?s=ap");
    inv.put("effective_at", store.now());
    call.params().bool("auto_advance").ifPresent(a -> inv.put("auto_advance", a));
    transitions(inv).put("finalized_at", store.now());
    events.emit(call, "invoice.finalized", inv, null);
    events.emit(call, "invoice.updated", inv, previous);
    // Stripe settles an invoice with nothing due at finalization.
    if (((Number) inv.get("amount_due")).longValue() == 0) {
      settle(call, inv);
    }
    return store.render(inv);
  }

  private Map<String, Object> send(Call call) {
    Map<String, Object> inv = invoice(call);
    requireStatus(inv, Set.of("open"), Refusals::send);
    // Test mode sends no email, but still emits invoice.sent.
    events.emit(call, "invoice.sent", inv, null);
    return store.render(inv);
  }

  private Map<String, Object> pay(Call call) {
    Map<String, Object> inv = invoice(call);
    requireStatus(inv, Set.of("open", "uncollectible"), Refusals::pay);
    if (call.params().bool("paid_out_of_band").orElse(false)
        || call.params().bool("forgive").orElse(false)) {
      settle(call, inv);
      return store.render(inv);
    }
    paymentFailed(call, inv);
    // The failed attempt is recorded (attempt count, events) even though the call fails.
    throw StripeApiException.transition(
            "This customer has no attached payment source or default payment method. Please"
                + " consider adding a default payment method.")
        .keepingChanges();
  }

  /** The invoice is paid in full, as by the hosted page or out of band. */
  void settle(Call call, Map<String, Object> inv) {
    Map<String, Object> previous = snapshot(inv, "status", "amount_paid", "amount_remaining");
    inv.put("status", "paid");
    inv.put("amount_paid", inv.get("amount_due"));
    inv.put("amount_remaining", 0L);
    inv.put("attempted", true);
    transitions(inv).put("paid_at", store.now());
    events.emit(call, "invoice.paid", inv, null);
    events.emit(call, "invoice.payment_succeeded", inv, null);
    events.emit(call, "invoice.updated", inv, previous);
  }

  /** A failed collection attempt: the invoice stays as it was, its attempt count grows. */
  void paymentFailed(Call call, Map<String, Object> inv) {
    requireStatus(inv, Set.of("open", "uncollectible"), Refusals::pay);
    Map<String, Object> previous = snapshot(inv, "attempt_count", "attempted");
    inv.put("attempt_count", ((Number) inv.get("attempt_count")).longValue() + 1);
    inv.put("attempted", true);
    events.emit(call, "invoice.payment_failed", inv, null);
    events.emit(call, "invoice.updated", inv, previous);
  }

  private Map<String, Object> voidInvoice(Call call) {
    Map<String, Object> inv = invoice(call);
    requireStatus(inv, Set.of("open", "uncollectible"), Refusals::voidInvoice);
    Map<String, Object> previous = snapshot(inv, "status");
    inv.put("status", "void");
    transitions(inv).put("voided_at", store.now());
    events.emit(call, "invoice.voided", inv, null);
    events.emit(call, "invoice.updated", inv, previous);
    return store.render(inv);
  }

  private Map<String, Object> markUncollectible(Call call) {
    Map<String, Object> inv = invoice(call);
    requireStatus(inv, Set.of("open"), Refusals::markUncollectible);
    Map<String, Object> previous = snapshot(inv, "status");
    inv.put("status", "uncollectible");
    transitions(inv).put("marked_uncollectible_at", store.now());
    events.emit(call, "invoice.marked_uncollectible", inv, null);
    events.emit(call, "invoice.updated", inv, previous);
    return store.render(inv);
  }

  private Map<String, Object> delete(Call call) {
    Map<String, Object> inv = invoice(call);
    if (!"draft".equals(inv.get("status"))) {
      throw StripeApiException.transition(Refusals.delete((String) inv.get("status")));
    }
    events.emit(call, "invoice.deleted", inv, null);
    for (String lineId : store.lineIds((String) inv.get("id"))) {
      Map<String, Object> line = store.get("line_item", lineId, "id");
      Map<String, Object> parent = CustomersApi.castMap(line.get("parent"));
      store.remove(
          (String) CustomersApi.castMap(parent.get("invoice_item_details")).get("invoice_item"));
      store.remove(lineId);
    }
    store.remove((String) inv.get("id"));
    return StripeStore.deleted(inv.get("id"), "invoice");
  }

  private Map<String, Object> invoice(Call call) {
    return store.get("invoice", call.arg(0), "invoice");
  }

  private static void requireStatus(
      Map<String, Object> inv, Set<String> allowed, UnaryOperator<String> refusal) {
    String status = (String) inv.get("status");
    if (!allowed.contains(status)) {
      throw StripeApiException.transition(refusal.apply(status));
    }
  }

  private static Map<String, Object> transitions(Map<String, Object> inv) {
    return CustomersApi.castMap(inv.get("status_transitions"));
  }

  private static Map<String, Object> snapshot(Map<String, Object> inv, String... fields) {
    Map<String, Object> previous = new HashMap<>();
    for (String f : fields) {
      previous.put(f, inv.get(f));
    }
    return previous;
  }
}
