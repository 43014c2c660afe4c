package dev.invoicebridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxAppTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Creating invoices over real HTTP in sandbox mode: Attio records from the Attio emulator, the
 * invoice in the Stripe emulator, the result in the Attio invoices object.
 */
class InvoicesApiTest extends SandboxAppTest {
  @Autowired ApiTokens tokens;

  @Test
  void a_person_is_billed_itself_and_the_invoice_lands_in_attio_linked_to_person_and_company() {
    String person = rig.records("people").get(0);
    String company = rig.referenced("people", person, "company").getFirst();

    JsonNode invoice = rig.created(InvoiceRig.body("people", person, "finalize", ""));

    assertThat(invoice.path("provider").asString()).isEqualTo("stripe");
    assertThat(invoice.path("provider_invoice_id").asString()).startsWith("in_");
    assertThat(invoice.path("status").asString()).isEqualTo("open");
    assertThat(invoice.path("number").asString()).isNotBlank();
    assertThat(invoice.path("hosted_invoice_url").asString()).startsWith("http");
    assertThat(invoice.path("total").asLong()).isEqualTo(25_000);
    assertThat(invoice.path("amount_due").asLong()).isEqualTo(25_000);
    assertThat(invoice.path("amount_paid").asLong()).isZero();
    assertThat(invoice.path("amount_remaining").asLong()).isEqualTo(25_000);
    assertThat(invoice.path("currency").asString()).isEqualTo("usd");
    assertThat(invoice.path("due_date").asString())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
    assertThat(invoice.path("record").path("object").asString()).isEqualTo("people");
    assertThat(invoice.path("record").path("record_id").asString()).isEqualTo(person);
    assertThat(invoice.path("recipient_record_id").asString()).isEqualTo(person);

    AttioRecord record = rig.attioInvoice(invoice.path("provider_invoice_id").asString());
    assertThat(InvoiceRig.text(record, "status")).isEqualTo("Open");
    assertThat(InvoiceRig.text(record, "number")).isEqualTo(invoice.path("number").asString());
    assertThat(new java.math.BigDecimal(InvoiceRig.text(record, "total")))
        .isEqualByComparingTo("250.00");
    assertThat(InvoiceRig.reference(record, "person")).hasValue(person);
    assertThat(InvoiceRig.reference(record, "company")).hasValue(company);
    assertThat(rig.get("/api/v1/invoices/" + invoice.path("id").asString())).isEqualTo(invoice);
  }

  @Test
  void a_company_with_several_people_needs_a_recipient_and_bills_the_chosen_one() {
    String company = rig.records("companies").get(1);
    List<String> team = rig.referenced("companies", company, "team");
    assertThat(team).hasSizeGreaterThan(1);

    HttpResponse<String> ambiguous = rig.post(InvoiceRig.body("companies", company, "draft", ""));
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(Http.json(ambiguous).path("errors").findValuesAsString("field"))
        .containsExactly("recipient_record_id");

    JsonNode invoice =
        rig.created(
            InvoiceRig.body(
                "companies",
                company,
                "draft",
                ", \"recipient_record_id\": \"" + team.get(1) + "\""));

    assertThat(invoice.path("status").asString()).isEqualTo("draft");
    assertThat(invoice.path("number").isNull()).isTrue();
    assertThat(invoice.path("recipient_record_id").asString()).isEqualTo(team.get(1));
    AttioRecord record = rig.attioInvoice(invoice.path("provider_invoice_id").asString());
    assertThat(InvoiceRig.text(record, "status")).isEqualTo("Draft");
    assertThat(InvoiceRig.reference(record, "person")).hasValue(team.get(1));
    assertThat(InvoiceRig.reference(record, "company")).hasValue(company);
  }

  @Test
  void an_operator_token_creates_from_a_deal_its_person_with_a_catalog_line_and_sends_it() {
    String deal = rig.records("deals").get(2);
    String person = rig.referenced("deals", deal, "associated_people").getFirst();
    String company = rig.referenced("deals", deal, "associated_company").getFirst();
    JsonNode price = Http.json(rig.stripe("GET", "/v1/prices?limit=10")).path("data").get(0);
    String body =
        """
        {"record": {"object": "deals", "record_id": "%s"},
         "lines": [{"price_id": "%s", "quantity": 3},
                   {"description": "Travel", "unit_amount": 4000, "quantity": 1}],
         "currency": "usd", "due_date": "%s", "action": "finalize_and_send"}
        """
            .formatted(
                deal, price.path("id").asString(), LocalDate.now(ZoneOffset.UTC).plusDays(30));

    String operator =
        tokens.issue(rig.workspace, "operator-test", Role.OPERATOR, "test").plaintext();

    HttpResponse<String> response =
        rig.http.postJson("/api/v1/invoices", body, "Authorization", Http.bearer(operator));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode invoice = Http.json(response);
    assertThat(invoice.path("status").asString()).isEqualTo("open");
    assertThat(invoice.path("total").asLong())
        .isEqualTo(3 * price.path("unit_amount").asLong() + 4000);
    assertThat(invoice.path("recipient_record_id").asString()).isEqualTo(person);
    JsonNode stripe =
        Http.json(
            rig.stripe("GET", "/v1/invoices/" + invoice.path("provider_invoice_id").asString()));
    assertThat(stripe.path("status_transitions").path("finalized_at").isNull()).isFalse();
    AttioRecord record = rig.attioInvoice(invoice.path("provider_invoice_id").asString());
    assertThat(InvoiceRig.reference(record, "deal")).hasValue(deal);
    assertThat(InvoiceRig.reference(record, "company")).hasValue(company);
    assertThat(InvoiceRig.reference(record, "person")).hasValue(person);
  }

  @Test
  void a_retry_with_the_same_idempotency_key_creates_one_invoice() {
    String person = rig.records("people").get(3);
    String body = InvoiceRig.body("people", person, "finalize", "");

    HttpResponse<String> first = rig.post(body, "Idempotency-Key", "retry-1");
    HttpResponse<String> again = rig.post(body, "Idempotency-Key", "retry-1");
    HttpResponse<String> other =
        rig.post(body.replace("12500", "12600"), "Idempotency-Key", "retry-1");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(Http.json(again)).isEqualTo(Http.json(first));
    String id = Http.json(first).path("id").asString();
    assertThat(rig.stripeInvoicesFor(id)).hasSize(1);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(Http.json(other).path("code").asString()).isEqualTo("idempotency_key_reused");
    assertThat(rig.attioInvoices(Http.json(first).path("provider_invoice_id").asString()))
        .hasSize(1);
  }

  @Test
  void invalid_requests_get_field_level_messages_and_create_nothing() {
    int before = rig.invoiceCount();
    String body =
        """
        {"provider": "paypal", "record": {"object": "people", "record_id": "nope"},
         "lines": [{"description": "", "unit_amount": -5, "quantity": 0},
                   {"price_id": "prod_1", "quantity": 1}],
         "currency": "dollars", "due_date": "2001-01-01", "action": "print"}
        """;

    HttpResponse<String> response = rig.post(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Http.json(response).path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder(
            "provider",
            "record.record_id",
            "lines[0].quantity",
            "lines[0].description",
            "lines[0].unit_amount",
            "lines[1].price_id",
            "currency",
            "due_date",
            "action");
    HttpResponse<String> unknownPerson =
        rig.post(InvoiceRig.body("people", "00000000-0000-4000-8000-000000000000", "finalize", ""));
    assertThat(unknownPerson.statusCode()).isEqualTo(400);
    assertThat(Http.json(unknownPerson).path("errors").findValuesAsString("field"))
        .containsExactly("record.record_id");
    assertThat(rig.invoiceCount()).isEqualTo(before);
    assertThat(
            rig.http
                .get(
                    "/api/v1/invoices/00000000-0000-4000-8000-000000000000",
                    "Authorization",
                    Http.bearer(rig.token))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_customer_billed_in_another_currency_gets_a_clear_choice_not_a_stripe_error() {
    String person = rig.records("people").get(5);
    rig.created(InvoiceRig.body("people", person, "draft", ""));

    HttpResponse<String> euros =
        rig.post(InvoiceRig.body("people", person, "draft", "").replace("\"usd\"", "\"eur\""));

    assertThat(euros.statusCode()).isEqualTo(422);
    JsonNode problem = Http.json(euros);
    assertThat(problem.path("code").asString()).isEqualTo("currency_mismatch");
    assertThat(problem.path("customer_currency").asString()).isEqualTo("usd");
    assertThat(problem.path("requested_currency").asString()).isEqualTo("eur");
    assertThat(problem.path("detail").asString()).contains("USD").doesNotContain("sk_");
  }

  @Test
  void invoices_are_listed_newest_first() {
    String person = rig.records("people").get(7);
    JsonNode older = rig.created(InvoiceRig.body("people", person, "draft", ""));
    JsonNode newer = rig.created(InvoiceRig.body("people", person, "draft", ""));

    List<String> ids =
        rig.get("/api/v1/invoices?limit=100").path("invoices").findValuesAsString("id");

    assertThat(ids).containsSubsequence(newer.path("id").asString(), older.path("id").asString());
  }

  @Test
  void concurrent_requests_make_one_invoice_per_key_and_one_customer_per_email() throws Exception {
    String person = rig.records("people").get(9);
    String body = InvoiceRig.body("people", person, "draft", "");
    List<HttpResponse<String>> sameKey;
    List<HttpResponse<String>> noKey;
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var keyed =
          java.util.stream.IntStream.range(0, 4)
              .mapToObj(i -> pool.submit(() -> rig.post(body, "Idempotency-Key", "race-1")))
              .toList();
      var plain =
          java.util.stream.IntStream.range(0, 3)
              .mapToObj(i -> pool.submit(() -> rig.post(body)))
              .toList();
      sameKey = new java.util.ArrayList<>();
      for (var f : keyed) {
        sameKey.add(f.get());
      }
      noKey = new java.util.ArrayList<>();
      for (var f : plain) {
        noKey.add(f.get());
      }
    }

    assertThat(sameKey).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(sameKey).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 201, 409));
    String id =
        Http.json(sameKey.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow())
            .path("id")
            .asString();
    assertThat(rig.stripeInvoicesFor(id)).hasSize(1);
    assertThat(noKey).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
    String email = rig.attioRecord("people", person).primaryEmail().orElseThrow();
    JsonNode customers =
        Http.json(
            rig.stripe(
                "GET",
                "/v1/customers?email="
                    + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(customers.path("data")).hasSize(1);
  }

  @Test
  void the_catalog_picker_finds_prices_by_product_name_with_amount_and_currency() {
    JsonNode all = rig.get("/api/v1/catalog/prices");
    JsonNode found = rig.get("/api/v1/catalog/prices?query=CONSULT");

    assertThat(all.path("prices").findValuesAsString("name"))
        .contains("Consulting hour", "Implementation package", "Support plan (month)");
    assertThat(found.path("prices")).hasSize(1);
    JsonNode price = found.path("prices").get(0);
    assertThat(price.path("price_id").asString()).startsWith("price_");
    assertThat(price.path("name").asString()).isEqualTo("Consulting hour");
    assertThat(price.path("unit_amount").asLong()).isEqualTo(15_000);
    assertThat(price.path("currency").asString()).isEqualTo("usd");
  }
}
