package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.support.LiveStripeAppTest;
import dev.invoicebridge.vault.Secret;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoint keeps what lets deliveries in (see {@link WebhookGate}); over HTTP, a change
 * made on this instance closes it for the very next delivery, and a secret another instance stored
 * is used at once.
 */
class WebhookAdmissionTest extends LiveStripeAppTest {
  Secret secret;

  @BeforeEach
  void aDeliveryHasOpenedTheGate() {
    secret = vault.get(rig.workspace, StripeWebhookSecrets.CURRENT).orElseThrow();
    String opening = event("evt_opening_" + System.nanoTime());
    assertThat(deliver(opening, secret).statusCode()).isEqualTo(200);
  }

  @Test
  void a_delivery_signed_with_a_secret_another_instance_just_stored_is_taken() {
    Secret replaced = new Secret("whsec_storedbyanotherinstance0");
    // Straight into the vault, as another instance re-creating the endpoint would store it.
    vault.put(rig.workspace, StripeWebhookSecrets.CURRENT, replaced);

    String payload = event("evt_new_secret");
    HttpResponse<String> answer = deliver(payload, replaced);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(stored("evt_new_secret")).isOne();
  }

  @Test
  void after_turning_sync_off_the_next_delivery_is_dropped_unread() {
    expect(200, putSync("{\"sync_invoices\": false}"));

    HttpResponse<String> answer = deliver(event("evt_after_off"), secret);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"stored\":false");
    assertThat(stored("evt_after_off")).isZero();
  }

  @Test
  void after_disconnecting_stripe_the_next_delivery_is_refused_and_nothing_is_stored() {
    expect(200, api("DELETE", "/api/v1/connections/stripe", ""));

    HttpResponse<String> answer = deliver(event("evt_after_disconnect"), secret);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(stored("evt_after_disconnect")).isZero();
  }

  private HttpResponse<String> deliver(String payload, Secret signingSecret) {
    return rig.deliverStripeEvent(payload, signingSecret);
  }

  private long stored(String eventId) {
    return jdbc.sql("select count(*) from webhook_inbox where event_id = ?")
        .param(eventId)
        .query(Long.class)
        .single();
  }

  /** An event about an invoice Stripe does not have: its job settles with nothing to apply. */
  private static String event(String id) {
    return InvoiceRig.stripeEvent(id, "invoice.updated", "in_admission_test");
  }
}
