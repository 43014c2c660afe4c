package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the sandbox does on the wire: idempotency, paging, expand, errors, nested form keys. */
class StripeSandboxProtocolTest {
  private static StripeSandboxRig rig;

  @BeforeAll
  static void start() {
    rig = new StripeSandboxRig();
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void the_same_idempotency_key_replays_the_first_response() {
    SandboxHttp.Answer first =
        SandboxHttp.post(rig, "/v1/customers", "email=i%40idem.example", "key-replay");
    SandboxHttp.Answer again =
        SandboxHttp.post(rig, "/v1/customers", "email=i%40idem.example", "key-replay");

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("id")).isEqualTo(first.body().get("id"));
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(SandboxHttp.list(rig, "/v1/customers?email=i%40idem.example")).hasSize(1);
  }

  @Test
  void the_same_key_with_other_parameters_is_an_idempotency_error() {
    SandboxHttp.post(rig, "/v1/customers", "email=a%40idem.example", "key-mismatch");

    SandboxHttp.Answer other =
        SandboxHttp.post(rig, "/v1/customers", "email=b%40idem.example", "key-mismatch");

    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body().at("/error/type").asString()).isEqualTo("idempotency_error");
  }

  @Test
  void an_error_is_replayed_too_but_a_validation_failure_is_not_stored() {
    SandboxHttp.Answer missing =
        SandboxHttp.post(rig, "/v1/invoices", "customer=cus_nope", "key-err");
    SandboxHttp.Answer replay =
        SandboxHttp.post(rig, "/v1/invoices", "customer=cus_nope", "key-err");
    SandboxHttp.Answer invalid =
        SandboxHttp.post(rig, "/v1/products", "active=maybe&name=P", "key-val");
    SandboxHttp.Answer retried =
        SandboxHttp.post(rig, "/v1/products", "active=true&name=P", "key-val");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(retried.status()).isEqualTo(200);
  }

  @Test
  void lists_page_newest_first_with_starting_after() {
    for (int i = 0; i < 5; i++) {
      SandboxHttp.post(rig, "/v1/customers", "email=page%40paging.example&name=n" + i, null);
    }
    List<String> names = new ArrayList<>();
    String cursor = "";
    boolean more = true;
    while (more) {
      JsonNode page =
          SandboxHttp.get(rig, "/v1/customers?limit=2&email=page%40paging.example" + cursor).body();
      page.get("data").forEach(c -> names.add(c.get("name").asString()));
      more = page.get("has_more").asBoolean();
      cursor =
          "&starting_after="
              + page.get("data").get(page.get("data").size() - 1).get("id").asString();
    }
    assertThat(names).containsExactly("n4", "n3", "n2", "n1", "n0");
  }

  @Test
  void the_adapter_pages_invoices_in_a_created_window() {
    StripeInvoicing stripe = rig.invoicing();
    StripeCustomer c =
        stripe
            .customers()
            .findOrCreate(new CustomerDetails("w@window.example", "W", Optional.empty()));
    for (int i = 0; i < 3; i++) {
      stripe.invoices().createDraft(newInvoice(c));
    }
    java.time.Instant now = java.time.Instant.now();
    CreatedWindow window = new CreatedWindow(now.minusSeconds(3600), now.plusSeconds(3600));

    Page<StripeInvoice> first = stripe.invoices().list(window, Optional.empty(), 2);
    Page<StripeInvoice> second = stripe.invoices().list(window, first.nextCursor(), 2);
    Page<StripeInvoice> outside =
        stripe
            .invoices()
            .list(
                new CreatedWindow(now.minusSeconds(7200), now.minusSeconds(3600)),
                Optional.empty(),
                2);

    assertThat(first.items()).hasSize(2);
    assertThat(first.nextCursor()).isPresent();
    assertThat(second.items()).hasSizeGreaterThanOrEqualTo(1);
    assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    assertThat(outside.items()).isEmpty();
  }

  @Test
  void the_catalog_lists_active_prices_with_their_product_names() {
    rig.sandbox().seedPrice("Picker alpha", "usd", 100);
    rig.sandbox().seedPrice("Picker beta", "usd", 200);
    String archived = rig.sandbox().seedPrice("Picker archived", "usd", 300);
    SandboxHttp.post(rig, "/v1/prices/" + archived, "active=false", null);

    List<CatalogPrice> found = rig.invoicing().catalog().search("picker", 10);
    Page<CatalogPrice> page = rig.invoicing().catalog().activePrices(Optional.empty(), 1);

    assertThat(found)
        .extracting(CatalogPrice::productName)
        .containsExactly("Picker beta", "Picker alpha");
    assertThat(page.items()).hasSize(1);
    assertThat(page.nextCursor()).isPresent();
  }

  @Test
  void nested_form_keys_and_expand_work_like_stripe() {
    String customer =
        SandboxHttp.post(
                rig,
                "/v1/customers",
                "email=n%40nested.example&metadata[crm_id]=42&preferred_locales[]=en",
                null)
            .body()
            .get("id")
            .asString();
    String invoice =
        SandboxHttp.post(rig, "/v1/invoices", "customer=" + customer + "&expand[]=customer", null)
            .body()
            .at("/customer/id")
            .asString();

    JsonNode c = SandboxHttp.get(rig, "/v1/customers/" + customer).body();
    assertThat(c.at("/metadata/crm_id").asString()).isEqualTo("42");
    assertThat(c.at("/preferred_locales/0").asString()).isEqualTo("en");
    assertThat(invoice).isEqualTo(customer);
  }

  @Test
  void errors_use_stripes_envelope() {
    SandboxHttp.Answer unknown = SandboxHttp.get(rig, "/v1/nothing");
    SandboxHttp.Answer missing =
        SandboxHttp.post(rig, "/v1/webhook_endpoints", "url=https%3A%2F%2Fx.example", null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().at("/error/message").asString())
        .startsWith("Unrecognized request URL");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().at("/error/param").asString()).isEqualTo("enabled_events");
    assertThat(missing.body().at("/error/code").asString()).isEqualTo("parameter_missing");
    assertThat(missing.header("Request-Id")).startsWith("req_");
  }

  @Test
  void products_page_and_carry_their_default_price() {
    String price = rig.sandbox().seedPrice("Paged product", "usd", 700);

    Page<CatalogProduct> first = rig.invoicing().catalog().activeProducts(Optional.empty(), 1);

    assertThat(first.items())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("Paged product");
              assertThat(p.defaultPrice()).contains(new StripePriceId(price));
            });
  }

  @Test
  void customer_search_finds_by_metadata_and_invoice_items_can_be_deleted_from_drafts() {
    String customer =
        SandboxHttp.post(rig, "/v1/customers", "email=s%40search.example&metadata[crm_id]=77", null)
            .body()
            .get("id")
            .asString();
    String invoice =
        SandboxHttp.post(rig, "/v1/invoices", "customer=" + customer, null)
            .body()
            .get("id")
            .asString();
    String item =
        SandboxHttp.post(
                rig, "/v1/invoiceitems", "invoice=" + invoice + "&amount=500&currency=usd", null)
            .body()
            .get("id")
            .asString();

    JsonNode found =
        SandboxHttp.get(rig, "/v1/customers/search?query=metadata%5B'crm_id'%5D%3A'77'").body();
    SandboxHttp.Answer deleted =
        SandboxHttp.send(
            rig,
            SandboxHttp.request(rig, "/v1/invoiceitems/" + item).DELETE(),
            StripeSandboxRig.SECRET_KEY);

    assertThat(found.at("/data/0/id").asString()).isEqualTo(customer);
    assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
    assertThat(SandboxHttp.get(rig, "/v1/invoices/" + invoice).body().get("total").asLong())
        .isZero();
  }

  private static NewInvoice newInvoice(StripeCustomer c) {
    return new NewInvoice(
        java.util.UUID.randomUUID().toString(),
        c.id(),
        java.time.LocalDate.now().plusDays(7),
        "usd",
        Optional.empty(),
        new NewInvoice.CrmLink("ws", "people", "r"));
  }
}
