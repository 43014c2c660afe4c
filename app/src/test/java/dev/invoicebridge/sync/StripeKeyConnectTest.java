package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.LiveStripeAppTest;
import dev.invoicebridge.support.SandboxApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Connecting Stripe with a pasted key, over HTTP: the key is probed at the Stripe emulator (as
 * api.stripe.com would be) before anything is stored; a restricted key's missing permissions are
 * named in the API and on the Settings page; a key is never echoed.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeKeyConnectTest extends LiveStripeAppTest {

  @Test
  void a_restricted_key_without_invoice_write_connects_and_exactly_invoices_write_is_named(
      CapturedOutput output) {
    String key = "rk_test_noinvoicewrite" + digits();
    grant(
        key,
        "customer_write",
        "product_write",
        "plan_write",
        "invoiceitem_write",
        "invoice_read",
        "webhook_endpoint_write");

    JsonNode connected = expect(200, connectKey(key)).path("connection");

    assertThat(connected.path("mode").asString()).isEqualTo("live");
    assertThat(connected.path("environment").asString()).isEqualTo("test");
    assertThat(connected.path("status").asString()).isEqualTo("ok");
    // GET /v1/account is 403 for a restricted key without account access; that is no failure.
    assertThat(connected.path("account_name").isNull()).isTrue();
    assertThat(connected.path("missing_permissions").findValuesAsString("name"))
        .containsExactly("Invoices Write");
    JsonNode permission = stripeConnection().path("missing_permissions").get(0);
    assertThat(permission.path("id").asString()).isEqualTo("invoice_write");
    assertThat(permission.path("setting").asString()).isEqualTo("Invoices");
    assertThat(permission.path("level").asString()).isEqualTo("Write");
    assertThat(ourEndpointsAtStripe())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.path("url").asString())
                    .isEqualTo(
                        "http://localhost:" + PORT + "/webhooks/stripe/" + rig.workspace.value()));
    rig.http.login("admin", SandboxApp.password(DATA, "admin"));
    String page = rig.http.get("/settings").body();
    String banner = text(page.substring(page.indexOf("id=\"stripe-permissions\"")));
    assertThat(banner)
        .contains("Invoices Write")
        .contains("set Invoices to Write, and click Save")
        .contains("Check now");
    assertThat(page.split("class=\"missing-permission\"", -1)).hasSize(2);
    assertThat(rig.http.everythingSeen()).doesNotContain(key);
    assertThat(output.getAll()).doesNotContain(key);
    assertThat(jdbc.sql("select * from workspace_connection").query().listOfRows().toString())
        .doesNotContain(key);
  }

  @Test
  void malformed_keys_get_a_field_level_400_and_nothing_is_stored() {
    String before = storedKey();

    for (String key :
        List.of(
            "",
            "pk_test_publishable0000",
            "whsec_signingsecret0000",
            "sk_test_short",
            "sk_test_has spaces inside",
            "sk_prod_unknownmode0000")) {
      JsonNode problem = expect(400, connectKey(key));
      assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("secret_key");
      if (!key.isEmpty()) {
        assertThat(problem.toString()).doesNotContain(key);
      }
    }

    assertThat(storedKey()).isEqualTo(before);
    assertThat(stripeConnection().path("mode").asString()).isEqualTo("sandbox");
  }

  @Test
  void a_well_formed_key_stripe_does_not_know_gets_a_clear_message_and_nothing_is_stored(
      CapturedOutput output) {
    String before = storedKey();
    String key = "sk_test_UnknownToStripe" + digits();

    JsonNode problem = expect(400, connectKey(key));

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("secret_key");
    assertThat(problem.path("errors").get(0).path("message").asString())
        .contains("rejected by Stripe");
    assertThat(problem.toString()).doesNotContain(key);
    assertThat(output.getAll()).doesNotContain(key);
    assertThat(storedKey()).isEqualTo(before);
    assertThat(stripeConnection().path("mode").asString()).isEqualTo("sandbox");
  }

  @Test
  void an_operator_token_cannot_read_or_change_connections_or_sync_settings() {
    String operator =
        expect(201, api("POST", "/api/v1/tokens", "{\"name\":\"op\",\"scope\":\"operator\"}"))
            .path("secret")
            .asString();
    String[] auth = {"Authorization", Http.bearer(operator)};

    assertThat(rig.http.get("/api/v1/connections", auth).statusCode()).isEqualTo(403);
    assertThat(rig.http.delete("/api/v1/connections/stripe", auth).statusCode()).isEqualTo(403);
    assertThat(rig.http.get("/api/v1/settings/sync", auth).statusCode()).isEqualTo(403);
    assertThat(
            rig.http
                .putJson("/api/v1/settings/sync", "{\"sync_invoices\": false}", auth)
                .statusCode())
        .isEqualTo(403);
    assertThat(stripeConnection()).isNotNull();
  }

  private String storedKey() {
    return vault.get(rig.workspace, "stripe.credential").orElseThrow().reveal();
  }

  /** Creates the restricted key at the emulator (a form POST the leak check does not see). */
  private void grant(String key, String... permissions) {
    StringBuilder form = new StringBuilder("key=" + key);
    for (int i = 0; i < permissions.length; i++) {
      form.append("&").append(enc("permissions[" + i + "]")).append("=").append(permissions[i]);
    }
    rig.stripeForm("/_control/restricted_keys", form.toString());
  }

  private static String digits() {
    return UUID.randomUUID().toString().replaceAll("[^0-9]", "");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A page's text from here on: tags dropped, whitespace collapsed. */
  private static String text(String html) {
    return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace(" ,", ",");
  }
}
