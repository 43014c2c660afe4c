package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.invoicing.stripe.StripeSignatures;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.OwnSandboxAppTest;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's webhooks into a sandbox-mode app over real HTTP: the emulator delivers signed events to
 * the endpoint the app registered at start-up; the mirror and Attio follow Stripe's state.
 */
class StripeWebhooksTest extends OwnSandboxAppTest {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired SecretVault vault;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void deliverNormally() {
    rig.stripe("POST", "/_control/webhooks?duplicates=false&out_of_order=false");
  }

  @Test
  void a_payment_in_stripe_makes_the_mirror_and_the_attio_record_paid() {
    JsonNode invoice = finalizedInvoice(0);

    pay(invoice);

    awaitPaid(invoice);
    AttioRecord record = rig.attioInvoice(invoice.path("provider_invoice_id").asString());
    assertThat(InvoiceRig.text(record, "status")).isEqualTo("Paid");
    assertThat(new java.math.BigDecimal(InvoiceRig.text(record, "amount_paid")))
        .isEqualByComparingTo("250.00");
    assertThat(new java.math.BigDecimal(InvoiceRig.text(record, "amount_remaining")))
        .isEqualByComparingTo("0");
  }

  @Test
  void duplicate_and_out_of_order_deliveries_apply_once_and_end_in_stripes_state() {
    rig.stripe("POST", "/_control/webhooks?duplicates=true&out_of_order=true");
    JsonNode invoice = finalizedInvoice(1);
    String stripeId = invoice.path("provider_invoice_id").asString();

    pay(invoice);

    awaitPaid(invoice);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(unprocessed(stripeId)).isZero());
    List<String> stored = storedEvents(stripeId);
    // The emulator notes an attempt once our answer is in; give it that moment.
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              List<String> delivered = deliveredEvents(stored);
              assertThat(delivered).hasSize(2 * stored.size());
              assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(stored));
            });
    // Inserted when created as open, then exactly one change applied: open to paid.
    assertThat(mirrorVersion(stripeId)).isEqualTo(1);
    assertThat(rig.attioInvoices(stripeId)).hasSize(1);
    assertThat(InvoiceRig.text(rig.attioInvoice(stripeId), "status")).isEqualTo("Paid");
  }

  @Test
  void many_invoices_paid_voided_or_failed_under_doubled_reversed_delivery_end_in_stripes_state() {
    rig.stripe("POST", "/_control/webhooks?duplicates=true&out_of_order=true");
    List<JsonNode> invoices = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      invoices.add(finalizedInvoice(5 + i));
    }

    for (int i = 0; i < invoices.size(); i++) {
      String stripeId = invoices.get(i).path("provider_invoice_id").asString();
      switch (i % 3) {
        case 0 -> pay(invoices.get(i));
        case 1 -> rig.stripeForm("/v1/invoices/" + stripeId + "/void", "");
        default -> rig.stripe("POST", "/_control/invoices/" + stripeId + "/payment_failed");
      }
    }

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              for (JsonNode invoice : invoices) {
                String stripeId = invoice.path("provider_invoice_id").asString();
                JsonNode truth = Http.json(rig.stripe("GET", "/v1/invoices/" + stripeId));
                JsonNode mirrored = rig.get("/api/v1/invoices/" + invoice.path("id").asString());
                assertThat(mirrored.path("status").asString())
                    .isEqualTo(truth.path("status").asString());
                assertThat(mirrored.path("amount_paid").asLong())
                    .isEqualTo(truth.path("amount_paid").asLong());
                AttioRecord record = rig.attioInvoice(stripeId);
                assertThat(InvoiceRig.text(record, "status"))
                    .isEqualToIgnoringCase(truth.path("status").asString());
                assertThat(unprocessed(stripeId)).isZero();
              }
            });
    assertThat(invoices)
        .extracting(
            i -> rig.get("/api/v1/invoices/" + i.path("id").asString()).path("status").asString())
        .containsOnly("paid", "void", "open");
  }

  @Test
  void a_late_event_about_an_older_state_cannot_undo_a_payment() {
    JsonNode invoice = finalizedInvoice(2);
    String stripeId = invoice.path("provider_invoice_id").asString();
    pay(invoice);
    awaitPaid(invoice);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(unprocessed(stripeId)).isZero());
    String syncedBefore = InvoiceRig.text(rig.attioInvoice(stripeId), "last_synced_at");

    HttpResponse<String> late =
        deliver(event("evt_late_" + stripeId, "invoice.finalized", stripeId), Instant.now());

    assertThat(late.statusCode()).isEqualTo(200);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(unprocessed(stripeId)).isZero());
    assertThat(storedEvents(stripeId)).contains("evt_late_" + stripeId);
    assertThat(
            rig.get("/api/v1/invoices/" + invoice.path("id").asString()).path("status").asString())
        .isEqualTo("paid");
    assertThat(mirrorVersion(stripeId)).isEqualTo(1);
    // Nothing changed, so nothing was written to Attio.
    assertThat(InvoiceRig.text(rig.attioInvoice(stripeId), "last_synced_at"))
        .isNotNull()
        .isEqualTo(syncedBefore);
  }

  @Test
  void an_invoice_created_in_stripe_is_mirrored_and_linked_in_attio_to_the_person_with_its_email() {
    String person = rig.records("people").get(14);
    AttioRecord attioPerson = rig.attioRecord("people", person);
    String email = attioPerson.primaryEmail().orElseThrow();
    String company = InvoiceRig.reference(attioPerson, "company").orElseThrow();
    String stripeId = rig.dashboardInvoice("Dashboard", email, 7000, "Made in the dashboard");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              AttioRecord record = rig.attioInvoice(stripeId);
              assertThat(InvoiceRig.text(record, "status")).isEqualTo("Open");
              assertThat(InvoiceRig.reference(record, "person")).hasValue(person);
              assertThat(InvoiceRig.reference(record, "company")).hasValue(company);
            });
    JsonNode listed =
        rig.get("/api/v1/invoices?limit=100")
            .path("invoices")
            .valueStream()
            .filter(i -> i.path("provider_invoice_id").asString().equals(stripeId))
            .findFirst()
            .orElseThrow();
    assertThat(listed.path("total").asLong()).isEqualTo(7000);
    assertThat(listed.path("record").isNull()).isTrue();
    assertThat(listed.path("recipient_record_id").asString()).isEqualTo(person);
  }

  @Test
  void tampered_expired_or_unsigned_deliveries_are_rejected_and_nothing_is_stored() {
    String payload = event("evt_forged_1", "invoice.paid", "in_forged");
    String header = StripeSignatures.sign(payload, secret(), Instant.now());
    String tampered = payload.replace("in_forged", "in_forged2");

    HttpResponse<String> forged = post(tampered, header);
    HttpResponse<String> expired = deliver(payload, Instant.now().minus(Duration.ofMinutes(10)));
    HttpResponse<String> unsigned =
        rig.http.postJson(path(), payload, "Content-Type", "application/json");
    HttpResponse<String> otherWorkspace =
        rig.http.postJson(
            "/webhooks/stripe/00000000-0000-0000-0000-000000000000",
            payload,
            "Stripe-Signature",
            header);

    assertThat(List.of(forged, expired, unsigned, otherWorkspace))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
    assertThat(
            jdbc.sql("select count(*) from webhook_inbox where event_id = ?")
                .param("evt_forged_1")
                .query(Long.class)
                .single())
        .isZero();
    // The same event, properly signed, is accepted: the rejections were about the signature.
    // It names an invoice Stripe does not have, so applying it settles with nothing to apply.
    assertThat(deliver(payload, Instant.now()).statusCode()).isEqualTo(200);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(unprocessed("in_forged")).isZero());
  }

  private JsonNode finalizedInvoice(int person) {
    String record = rig.records("people").get(10 + person);
    return rig.created(InvoiceRig.body("people", record, "finalize", ""));
  }

  private void pay(JsonNode invoice) {
    HttpResponse<String> paid =
        rig.stripe(
            "POST",
            "/_control/invoices/" + invoice.path("provider_invoice_id").asString() + "/mark_paid");
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
  }

  private void awaitPaid(JsonNode invoice) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode mirrored = rig.get("/api/v1/invoices/" + invoice.path("id").asString());
              assertThat(mirrored.path("status").asString()).isEqualTo("paid");
              assertThat(mirrored.path("amount_paid").asLong()).isEqualTo(25_000);
              assertThat(mirrored.path("amount_remaining").asLong()).isZero();
              AttioRecord record = rig.attioInvoice(invoice.path("provider_invoice_id").asString());
              assertThat(InvoiceRig.text(record, "status")).isEqualTo("Paid");
            });
  }

  private static String event(String id, String type, String invoiceId) {
    return InvoiceRig.stripeEvent(id, type, invoiceId);
  }

  private HttpResponse<String> deliver(String payload, Instant signedAt) {
    return post(payload, StripeSignatures.sign(payload, secret(), signedAt));
  }

  private HttpResponse<String> post(String payload, String signature) {
    return rig.http.postJson(path(), payload, "Stripe-Signature", signature);
  }

  private String path() {
    return "/webhooks/stripe/" + rig.workspace.value();
  }

  private Secret secret() {
    return vault.get(rig.workspace, "stripe.webhook_secret").orElseThrow();
  }

  private List<String> storedEvents(String stripeId) {
    return jdbc.sql("select event_id from webhook_inbox where object_id = ?")
        .param(stripeId)
        .query(String.class)
        .list();
  }

  private long unprocessed(String stripeId) {
    return jdbc.sql(
            "select count(*) from webhook_inbox where object_id = ? and processed_at is null")
        .param(stripeId)
        .query(Long.class)
        .single();
  }

  private long mirrorVersion(String stripeId) {
    return jdbc.sql("select version from invoice where provider_invoice_id = ?")
        .param(stripeId)
        .query(Long.class)
        .single();
  }

  /** Event ids of every 2xx delivery the emulator made of these events, duplicates included. */
  private List<String> deliveredEvents(List<String> eventIds) {
    Set<String> wanted = Set.copyOf(eventIds);
    JsonNode attempts = Http.json(rig.stripe("GET", "/_control/webhooks/attempts"));
    return attempts
        .path("data")
        .valueStream()
        .filter(a -> a.path("status").asInt() == 200)
        .map(a -> a.path("eventId").asString())
        .filter(wanted::contains)
        .toList();
  }
}
