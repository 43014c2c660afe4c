package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.AttioValue;
import dev.invoicebridge.attio.Filter;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.support.LiveStripeAppTest;
import dev.invoicebridge.support.SandboxApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sync settings over the API and the Settings page, and "create the person when no match". */
class SyncSettingsTest extends LiveStripeAppTest {
  static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void with_create_person_on_an_unmatched_customer_email_creates_exactly_one_person() {
    AttioRecord company = rig.attioRecord("companies", rig.records("companies").get(0));
    String domain = ((AttioValue.Domain) company.first("domains").orElseThrow()).domain();
    String unmatched = "olive." + suffix() + "@" + domain;
    String stripeIdOff = dashboardInvoice("Olive Offline", unmatched);
    await().atMost(PATIENCE).until(() -> rig.attioInvoices(stripeIdOff).size() == 1);
    assertThat(people(unmatched)).isEmpty();
    assertThat(InvoiceRig.reference(rig.attioInvoice(stripeIdOff), "person")).isEmpty();

    expect(200, putSync("{\"create_missing_people\": true}"));
    String email = "nora." + suffix() + "@" + domain;
    String stripeId = dashboardInvoice("Nora Newcomer", email);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(InvoiceRig.reference(rig.attioInvoice(stripeId), "person")).isPresent());
    List<AttioRecord> created = people(email);
    assertThat(created).hasSize(1);
    AttioRecord person = created.getFirst();
    assertThat(person.displayName()).isEqualTo("Nora Newcomer");
    assertThat(InvoiceRig.reference(person, "company")).hasValue(company.id().value());
    AttioRecord invoice = rig.attioInvoice(stripeId);
    assertThat(InvoiceRig.reference(invoice, "person")).hasValue(person.id().value());
    assertThat(InvoiceRig.reference(invoice, "company")).hasValue(company.id().value());
  }

  @Test
  void bad_sync_settings_get_field_level_messages_and_change_nothing() {
    JsonNode problem = expect(400, putSync("{\"sync_invoices\": \"no\", \"colour\": true}"));

    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("sync_invoices", "colour");
    assertThat(expect(400, putSync("{}")).path("errors").findValuesAsString("field"))
        .containsExactly("sync_invoices");
    JsonNode settings = expect(200, api("GET", "/api/v1/settings/sync", ""));
    assertThat(settings.path("sync_invoices").asBoolean()).isTrue();
    assertThat(ourEndpointsAtStripe()).hasSize(1);
  }

  @Test
  void the_settings_page_shows_stripe_webhook_and_schema_and_its_form_turns_sync_off() {
    rig.http.login("admin", SandboxApp.password(DATA, "admin"));
    String page = rig.http.get("/settings").body();

    assertThat(page)
        .containsPattern("id=\"sync_invoices\"[^>]*checked")
        .doesNotContainPattern("id=\"create_missing_people\"[^>]*checked")
        .contains("the built-in Stripe sandbox")
        .containsPattern("id=\"webhook-registered\"[^>]*>registered<")
        .contains("invoice.paid")
        .contains("/webhooks/stripe/" + rig.workspace.value())
        .contains("data-field=\"provider_invoice_id\"")
        .contains("Disconnect Stripe")
        .doesNotContain("Reconnect the sandbox")
        .doesNotContain("id=\"stripe-permissions\"");

    String after =
        rig.http
            .postForm("/settings", "/settings/sync", Map.of("create_missing_people", "true"))
            .body();

    assertThat(after)
        .contains("send-only")
        .doesNotContainPattern("id=\"sync_invoices\"[^>]*checked")
        .containsPattern("id=\"create_missing_people\"[^>]*checked")
        .containsPattern("id=\"webhook-registered\"[^>]*>not registered<");
    assertThat(ourEndpointsAtStripe()).isEmpty();
    JsonNode settings = expect(200, api("GET", "/api/v1/settings/sync", ""));
    assertThat(settings.path("sync_invoices").asBoolean()).isFalse();
    assertThat(settings.path("create_missing_people").asBoolean()).isTrue();
  }

  @Test
  void a_malformed_key_pasted_on_the_settings_page_gets_a_field_message_and_is_not_shown() {
    rig.http.login("admin", SandboxApp.password(DATA, "admin"));
    String key = "pk_live_PastedByMistake" + suffix().replace("-", "");

    String page =
        rig.http.postForm("/settings", "/settings/stripe/key", Map.of("secret_key", key)).body();

    assertThat(page).contains("The key is a publishable key").doesNotContain(key);
    assertThat(rig.http.everythingSeen()).doesNotContain(key);
    assertThat(stripeConnection().path("mode").asString()).isEqualTo("sandbox");
  }

  /** An invoice made in Stripe's dashboard for a new customer, finalized. */
  private String dashboardInvoice(String name, String email) {
    return rig.dashboardInvoice(name, email, 4200, "Dashboard work");
  }

  private List<AttioRecord> people(String email) {
    return attio
        .forWorkspace(rig.workspace)
        .queryRecords("people", RecordQuery.all().filter(Filter.equalTo("email_addresses", email)));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
