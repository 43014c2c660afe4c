package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.support.LiveStripeAppTest;
import dev.invoicebridge.vault.Secret;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sync switch and the Stripe connection's lifecycle over HTTP against the emulators: send-only
 * mode, turning sync on again, disconnecting, and the webhook endpoint's repair.
 */
class SendOnlyModeTest extends LiveStripeAppTest {
  static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void send_only_creates_invoices_but_writes_nothing_to_attio_until_sync_is_turned_on_again() {
    JsonNode off = expect(200, putSync("{\"sync_invoices\": false}"));

    assertThat(off.path("sync_invoices").asBoolean()).isFalse();
    assertThat(off.path("notes").toString()).contains("webhook endpoint removed");
    assertThat(ourEndpointsAtStripe()).isEmpty();
    JsonNode invoice =
        rig.created(InvoiceRig.body("people", rig.records("people").get(20), "finalize", ""));
    String stripeId = invoice.path("provider_invoice_id").asString();
    assertThat(invoice.path("status").asString()).isEqualTo("open");
    assertThat(rig.attioInvoices(stripeId)).isEmpty();
    // Stripe still retries what it sent before: acknowledged, and dropped unread.
    String late = event("evt_sendonly_" + stripeId, "invoice.paid", stripeId);
    assertThat(deliver(late, new Secret("whsec_whatever0000")).statusCode()).isEqualTo(200);
    assertThat(stored("evt_sendonly_" + stripeId)).isZero();

    JsonNode on = expect(200, putSync("{\"sync_invoices\": true}"));

    assertThat(on.path("notes").toString()).contains("webhook endpoint registered");
    assertThat(ourEndpointsAtStripe())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("status").asString()).isEqualTo("enabled");
              assertThat(e.path("enabled_events").toString()).contains("invoice.paid");
            });
    assertThat(
            expect(200, api("GET", "/api/v1/schema", ""))
                .path("report")
                .path("healthy")
                .asBoolean())
        .isTrue();
    expect(200, rig.stripe("POST", "/_control/invoices/" + stripeId + "/mark_paid"));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(rig.attioInvoices(stripeId)).hasSize(1);
              assertThat(InvoiceRig.text(rig.attioInvoice(stripeId), "status")).isEqualTo("Paid");
            });
    // The same kind of delivery that was dropped before is stored now.
    String fresh = event("evt_synced_" + stripeId, "invoice.paid", stripeId);
    assertThat(deliver(fresh, currentSecret()).statusCode()).isEqualTo(200);
    assertThat(stored("evt_synced_" + stripeId)).isOne();
  }

  @Test
  void disconnecting_removes_the_endpoint_at_stripe_forgets_the_key_and_keeps_the_invoices() {
    JsonNode invoice =
        rig.created(InvoiceRig.body("people", rig.records("people").get(21), "finalize", ""));
    String stripeId = invoice.path("provider_invoice_id").asString();
    assertThat(ourEndpointsAtStripe()).hasSize(1);

    JsonNode gone = expect(200, api("DELETE", "/api/v1/connections/stripe", ""));

    assertThat(gone.path("connection").isNull()).isTrue();
    assertThat(gone.path("notes").toString()).contains("webhook endpoint removed");
    assertThat(ourEndpointsAtStripe()).isEmpty();
    assertThat(stripeConnection()).isNull();
    assertThat(vault.contains(rig.workspace, "stripe.credential")).isFalse();
    assertThat(vault.contains(rig.workspace, "stripe.webhook_secret")).isFalse();
    expect(404, api("GET", "/api/v1/connections/stripe", ""));
    assertThat(rig.get("/api/v1/invoices?limit=100").path("invoices").findValuesAsString("id"))
        .contains(invoice.path("id").asString());
    assertThat(rig.attioInvoices(stripeId)).hasSize(1);
    HttpResponse<String> refused =
        rig.post(InvoiceRig.body("people", rig.records("people").get(21), "finalize", ""));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.body()).contains("Stripe is not connected");
  }

  @Test
  void a_check_repairs_a_disabled_or_deleted_endpoint_and_the_replaced_secret_verifies_a_day() {
    String first = ourEndpointsAtStripe().getFirst().path("id").asString();
    Secret old = currentSecret();
    rig.stripeForm("/v1/webhook_endpoints/" + first, "disabled=true");

    expect(200, api("POST", "/api/v1/connections/stripe/check", ""));

    assertThat(ourEndpointsAtStripe())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("id").asString()).isEqualTo(first);
              assertThat(e.path("status").asString()).isEqualTo("enabled");
            });
    String key = vault.get(rig.workspace, "sandbox.stripe_secret_key").orElseThrow().reveal();
    rig.http.delete(
        "/sandbox/stripe/v1/webhook_endpoints/" + first, "Authorization", "Bearer " + key);

    JsonNode checked = expect(200, api("POST", "/api/v1/connections/stripe/check", ""));

    assertThat(checked.path("status").asString()).isEqualTo("ok");
    assertThat(ourEndpointsAtStripe())
        .singleElement()
        .satisfies(e -> assertThat(e.path("id").asString()).isNotEqualTo(first));
    assertThat(currentSecret().reveal()).isNotEqualTo(old.reveal());
    // A retry Stripe signed before the endpoint was re-created still verifies; a forgery does not.
    String retried = event("evt_grace_" + first, "invoice.updated", "in_gone_" + first);
    assertThat(deliver(retried, old).statusCode()).isEqualTo(200);
    assertThat(stored("evt_grace_" + first)).isOne();
    String forged = event("evt_forged_" + first, "invoice.paid", "in_gone_" + first);
    assertThat(deliver(forged, new Secret("whsec_forged000000")).statusCode()).isEqualTo(400);
    assertThat(stored("evt_forged_" + first)).isZero();
    JsonNode webhook = expect(200, api("GET", "/api/v1/connections/stripe", "")).path("webhook");
    assertThat(webhook.path("registered").asBoolean()).isTrue();
    assertThat(webhook.path("status").asString()).isEqualTo("enabled");
    assertThat(webhook.path("enabled_events").toString()).contains("invoice.paid");
    assertThat(webhook.path("rejected_last24h").asLong()).isPositive();
    assertThat(webhook.path("last_event_received_at").isNull()).isFalse();
  }

  private Secret currentSecret() {
    return vault.get(rig.workspace, "stripe.webhook_secret").orElseThrow();
  }

  private HttpResponse<String> deliver(String payload, Secret secret) {
    return rig.deliverStripeEvent(payload, secret);
  }

  private long stored(String eventId) {
    return jdbc.sql("select count(*) from webhook_inbox where event_id = ?")
        .param(eventId)
        .query(Long.class)
        .single();
  }

  private static String event(String id, String type, String invoiceId) {
    return InvoiceRig.stripeEvent(id, type, invoiceId);
  }
}
