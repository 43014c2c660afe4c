package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoiceRig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Drives invoices through Stripe's states, as operators and customers would: some created through
 * Invoicebridge, most in Stripe itself (the dashboard), then sent, paid, failed, voided or written
 * off, some left open.
 */
final class StripeScenario {
  private final InvoiceRig rig;

  StripeScenario(InvoiceRig rig) {
    this.rig = rig;
  }

  /** Creates and moves {@code ours + theirs} invoices; returns their Stripe ids. */
  List<String> driveInvoices(int ours, int theirs) {
    List<String> people = rig.records("people");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ours; i++) {
      String record = people.get(i % people.size());
      JsonNode created = rig.created(InvoiceRig.body("people", record, "finalize", ""));
      ids.add(move(created.path("provider_invoice_id").asString(), i));
    }
    List<String> customers = customers(people);
    for (int i = 0; i < theirs; i++) {
      String customer = customers.get(i % customers.size());
      String id =
          form(
                  "/v1/invoices",
                  "customer=" + customer + "&collection_method=send_invoice&days_until_due=14")
              .path("id")
              .asString();
      form(
          "/v1/invoiceitems",
          "customer=%s&invoice=%s&amount=%d&currency=usd&description=Work+%d"
              .formatted(customer, id, 1_000 + 37 * i, i));
      form("/v1/invoices/" + id + "/finalize", "");
      ids.add(move(id, i));
    }
    return ids;
  }

  /** Stripe's current state of the invoices, by id (listed, so a few calls for all of them). */
  Map<String, JsonNode> invoicesById(List<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (JsonNode invoice : rig.stripeInvoices()) {
      String id = invoice.path("id").asString();
      if (wanted.contains(id)) {
        found.put(id, invoice);
      }
    }
    return found;
  }

  /** One of eight paths from open; each emits four to nine subscribed events in all. */
  private String move(String id, int path) {
    switch (path % 8) {
      case 0 -> {
        send(id);
        control(id, "mark_paid");
      }
      case 1 -> {
        control(id, "payment_failed");
        control(id, "mark_paid");
      }
      case 2 -> {
        send(id);
        form("/v1/invoices/" + id + "/void", "");
      }
      case 3 -> {
        form("/v1/invoices/" + id + "/mark_uncollectible", "");
        control(id, "mark_paid");
      }
      case 4 -> send(id);
      case 5 -> control(id, "payment_failed");
      case 6 -> {
        form("/v1/invoices/" + id + "/mark_uncollectible", "");
        form("/v1/invoices/" + id + "/void", "");
      }
      default -> {
        control(id, "payment_failed");
        control(id, "payment_failed");
        form("/v1/invoices/" + id + "/mark_uncollectible", "");
      }
    }
    return id;
  }

  private void send(String id) {
    form("/v1/invoices/" + id + "/send", "");
  }

  private void control(String id, String action) {
    form("/_control/invoices/" + id + "/" + action, "");
  }

  /** Posts a form to the Stripe emulator as the account; the test-mode limit is off meanwhile. */
  private JsonNode form(String path, String body) {
    return rig.stripeForm(path, body);
  }

  /** A Stripe customer for each person with an email, as the dashboard would have them. */
  private List<String> customers(List<String> people) {
    List<String> customers = new ArrayList<>();
    for (String person : people) {
      rig.attioRecord("people", person)
          .primaryEmail()
          .ifPresent(
              email ->
                  customers.add(
                      form(
                              "/v1/customers",
                              "name=Dashboard&email="
                                  + URLEncoder.encode(email, StandardCharsets.UTF_8))
                          .path("id")
                          .asString()));
    }
    return customers;
  }
}
