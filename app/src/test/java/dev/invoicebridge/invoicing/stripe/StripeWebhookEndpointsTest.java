package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.invoicing.stripe.InvoiceLine.CustomLine;
import dev.invoicebridge.invoicing.stripe.WebhookRegistration.Outcome;
import dev.invoicebridge.vault.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeWebhookEndpointsTest {
  private StripeSandboxRig rig;
  private WebhookReceiver receiver;
  private StripeWebhookEndpoints endpoints;

  @BeforeEach
  void start() {
    rig = new StripeSandboxRig();
    receiver = new WebhookReceiver();
    endpoints = rig.invoicing().webhookEndpoints();
    rig.sandbox().webhookSwitches(false, false, Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    rig.close();
    receiver.close();
  }

  @Test
  void find_or_create_is_idempotent_and_returns_the_secret_once() {
    WebhookRegistration first = endpoints.ensure(receiver.url(), false);
    WebhookRegistration second = endpoints.ensure(receiver.url(), true);
    WebhookRegistration third = rig.invoicing().webhookEndpoints().ensure(receiver.url(), true);

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(first.newSecret())
        .map(Secret::reveal)
        .hasValueSatisfying(s -> assertThat(s).startsWith("whsec_"));
    assertThat(second.outcome()).isEqualTo(Outcome.EXISTING);
    assertThat(second.newSecret()).isEmpty();
    assertThat(List.of(second.id(), third.id())).containsOnly(first.id());
    assertThat(SandboxHttp.list(rig, "/v1/webhook_endpoints?limit=100")).hasSize(1);
    var stored = SandboxHttp.get(rig, "/v1/webhook_endpoints/" + first.id()).body();
    assertThat(stored.get("api_version").asString()).isEqualTo(StripeInvoicing.apiVersion());
    assertThat(stored.get("enabled_events").valueStream().map(n -> n.asString()).toList())
        .containsExactlyInAnyOrderElementsOf(StripeWebhookEndpoints.EVENTS);
  }

  @Test
  void a_disabled_endpoint_is_repaired_in_place() {
    WebhookRegistration created = endpoints.ensure(receiver.url(), false);
    SandboxHttp.post(rig, "/v1/webhook_endpoints/" + created.id(), "disabled=true", null);

    WebhookRegistration repaired = endpoints.ensure(receiver.url(), true);

    assertThat(repaired.outcome()).isEqualTo(Outcome.REPAIRED);
    assertThat(repaired.id()).isEqualTo(created.id());
    assertThat(
            SandboxHttp.get(rig, "/v1/webhook_endpoints/" + created.id())
                .body()
                .get("status")
                .asString())
        .isEqualTo("enabled");
  }

  @Test
  void a_missing_endpoint_is_created_again_and_a_lost_secret_replaces_it() {
    WebhookRegistration created = endpoints.ensure(receiver.url(), false);
    endpoints.delete(created.id());
    endpoints.delete(created.id());

    WebhookRegistration recreated = endpoints.ensure(receiver.url(), true);
    WebhookRegistration replaced = endpoints.ensure(receiver.url(), false);

    assertThat(recreated.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(recreated.id()).isNotEqualTo(created.id());
    assertThat(recreated.newSecret()).isPresent();
    assertThat(replaced.outcome()).isEqualTo(Outcome.RECREATED);
    assertThat(endpoints.find(receiver.url())).contains(replaced.id());
    assertThat(SandboxHttp.list(rig, "/v1/webhook_endpoints?limit=100")).hasSize(1);
  }

  @Test
  void transitions_are_delivered_signed_with_the_endpoint_secret() {
    Secret secret = endpoints.ensure(receiver.url(), false).newSecret().orElseThrow();
    StripeInvoice open = openInvoice();

    await().atMost(Duration.ofSeconds(10)).until(() -> types().contains("invoice.finalized"));
    StripeSignatures signatures =
        new StripeSignatures(Clock.systemUTC(), StripeSignatures.DEFAULT_TOLERANCE);
    for (WebhookReceiver.Delivery d : receiver.deliveries()) {
      StripeWebhookEvent event = signatures.verify(d.body(), d.signature(), List.of(secret));
      assertThat(event.objectId()).contains(open.id().value());
      assertThat(event.apiVersion()).isEqualTo(StripeInvoicing.apiVersion());
    }
    assertThat(types())
        .contains("invoice.finalized", "invoice.updated")
        .doesNotContain("invoice.created");
  }

  @Test
  void a_failed_delivery_is_retried() {
    endpoints.ensure(receiver.url(), false);
    receiver.failNext(1);
    StripeInvoice open = openInvoice();
    stripe().invoices().send(open.id());

    await().atMost(Duration.ofSeconds(10)).until(() -> types().contains("invoice.sent"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                rig.sandbox().webhookAttempts().stream()
                    .anyMatch(a -> a.attempt() == 2 && a.status() == 200));
  }

  @Test
  void duplicate_and_out_of_order_switches_change_delivery() {
    endpoints.ensure(receiver.url(), false);
    StripeInvoice open = openInvoice();
    await().atMost(Duration.ofSeconds(10)).until(() -> types().contains("invoice.finalized"));
    receiver.clear();
    rig.sandbox().webhookSwitches(true, true, Duration.ofMillis(20));

    stripe().invoices().markPaidOutOfBand(open.id());

    await().atMost(Duration.ofSeconds(10)).until(() -> types().size() == 4);
    // Paying emits invoice.paid and invoice.updated; each arrives twice. Deliveries run
    // concurrently (as Stripe's do), so the order of arrival is not something to count on.
    assertThat(types())
        .containsExactlyInAnyOrder(
            "invoice.updated", "invoice.updated", "invoice.paid", "invoice.paid");
  }

  private StripeInvoice openInvoice() {
    StripeCustomer c =
        stripe()
            .customers()
            .findOrCreate(new CustomerDetails("hooks@example.com", "Hooks", Optional.empty()));
    NewInvoice invoice =
        new NewInvoice(
            java.util.UUID.randomUUID().toString(),
            c.id(),
            java.time.LocalDate.now().plusDays(14),
            "usd",
            Optional.empty(),
            new NewInvoice.CrmLink("ws", "people", "rec"));
    StripeInvoice draft =
        stripe().invoices().create(invoice, List.of(new CustomLine("Hook work", 1_000, 1)));
    return stripe().invoices().finalizeInvoice(draft.id());
  }

  private StripeInvoicing stripe() {
    return rig.invoicing();
  }

  private List<String> types() {
    return receiver.deliveries().stream()
        .map(d -> d.body().replaceAll(".*\"type\":\"([a-z_.]+)\"}?$", "$1"))
        .toList();
  }
}
