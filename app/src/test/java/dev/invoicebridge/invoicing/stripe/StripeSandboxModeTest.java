package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandboxmode.SandboxAccounts;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxAppTest;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.Workspaces;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** In sandbox mode the adapter works against the Stripe sandbox the service mounts itself. */
class StripeSandboxModeTest extends SandboxAppTest {
  @Autowired SandboxAccounts accounts;
  @Autowired Workspaces workspaces;

  @Test
  void the_mounted_sandbox_serves_the_demo_catalog_to_the_adapter() {
    String key =
        accounts
            .ensure(workspaces.bySlug(Workspaces.DEFAULT_SLUG).orElseThrow().id())
            .stripeSecretKey();
    StripeInvoicing stripe =
        StripeInvoicing.connect(
            StripeSettings.of(
                new Secret(key), URI.create("http://127.0.0.1:" + port + "/sandbox/stripe")));

    // Listing with expand[]=data.product also proves Tomcat accepts stripe-java's query keys.
    assertThat(stripe.catalog().activePrices(Optional.empty(), 10).items())
        .extracting(CatalogPrice::productName)
        .containsExactlyInAnyOrder(
            "Consulting hour", "Implementation package", "Support plan (month)");
    assertThat(stripe.permissions().missing()).isEmpty();
  }

  @Test
  void the_catalog_api_pages_with_starting_after_and_next_cursor() {
    String auth = Http.bearer(adminToken);

    JsonNode first = Http.json(http.get("/api/v1/catalog/prices?limit=2", "Authorization", auth));
    String cursor = first.path("next_cursor").asString();
    JsonNode second =
        Http.json(
            http.get(
                "/api/v1/catalog/prices?limit=2&starting_after=" + cursor, "Authorization", auth));
    HttpResponse<String> malformed =
        http.get("/api/v1/catalog/prices?starting_after=in_123", "Authorization", auth);
    HttpResponse<String> unknown =
        http.get("/api/v1/catalog/prices?starting_after=price_nosuchprice", "Authorization", auth);

    assertThat(first.path("prices")).hasSize(2);
    assertThat(cursor).isEqualTo(first.path("prices").get(1).path("price_id").asString());
    // The demo catalog has three prices: the second page holds the last and ends the list.
    assertThat(second.path("prices")).hasSize(1);
    assertThat(second.path("next_cursor").isNull()).isTrue();
    assertThat(second.path("prices").findValuesAsString("price_id"))
        .doesNotContainAnyElementsOf(first.path("prices").findValuesAsString("price_id"));
    for (HttpResponse<String> refused : List.of(malformed, unknown)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(Http.json(refused).path("errors").findValuesAsString("field"))
          .containsExactly("starting_after");
    }
  }
}
