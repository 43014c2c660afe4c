package dev.invoicebridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxAppTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The create-invoice dialog and the invoice pages, as an operator's browser uses them. */
class InvoicePagesTest extends SandboxAppTest {
  Http browser;

  @BeforeEach
  void logInAsOperator() {
    browser = logIn("operator");
  }

  @Test
  void an_operator_creates_a_finalized_invoice_from_a_company_and_finds_it_in_the_list() {
    String company = rig.records("companies").get(4);
    List<String> team = rig.referenced("companies", company, "team");
    JsonNode price = Http.json(rig.stripe("GET", "/v1/prices?limit=10")).path("data").get(0);
    String dialog = "/invoices/new?object=companies&record_id=" + company;
    String page = browser.get(dialog).body();
    assertThat(page)
        .contains("Pick a person", "Search the catalog", "Add line", "Finalize and email");

    Map<String, String> fields = form(company);
    fields.put("recipient_record_id", team.get(0));
    fields.put("price_id_0", price.path("id").asString());
    fields.put("price_currency_0", "usd");
    fields.put("quantity_0", "2");
    fields.put("description_1", "Workshop");
    fields.put("unit_price_1", "450.50");
    fields.put("action", "finalize");
    HttpResponse<String> created = browser.postForm(dialog, "/invoices/new", fields);

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.uri().getPath()).startsWith("/invoices/");
    assertThat(created.body())
        .contains("Copy link", "data-copy=\"http", "open", "Finalized: the invoice has its number")
        .doesNotContain("Finalized and emailed");
    long total = 2 * price.path("unit_amount").asLong() + 45_050;
    String id = created.uri().getPath().substring("/invoices/".length());
    JsonNode api = rig.get("/api/v1/invoices/" + id);
    assertThat(api.path("total").asLong()).isEqualTo(total);
    assertThat(api.path("recipient_record_id").asString()).isEqualTo(team.get(0));
    assertThat(browser.get("/invoices").body()).contains(api.path("number").asString());
    assertThat(rig.attioInvoice(api.path("provider_invoice_id").asString())).isNotNull();
  }

  @Test
  void the_dialog_shows_field_messages_on_the_rows_and_creates_nothing() {
    String company = rig.records("companies").get(5);
    String dialog = "/invoices/new?object=companies&record_id=" + company;
    int before = rig.invoiceCount();
    Map<String, String> fields = form(company);
    fields.put("description_2", "Workshop");
    fields.put("unit_price_2", "lots");
    fields.put("currency", "dollars");
    fields.put("action", "finalize");

    HttpResponse<String> response = browser.postForm(dialog, "/invoices/new", fields);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "id=\"error-2-unit_price\">Unit price must be an amount such as 150.00.",
            "must be a three-letter ISO 4217 code");
    fields.put("unit_price_2", "450");
    fields.put("currency", "usd");
    assertThat(browser.postForm(dialog, "/invoices/new", fields).body())
        .contains("is required: the company has");
    assertThat(rig.invoiceCount()).isEqualTo(before);
  }

  @Test
  void finalize_and_email_says_stripe_emails_it_and_a_draft_shows_as_a_draft() {
    String person = rig.records("people").get(6);
    String email = rig.attioRecord("people", person).primaryEmail().orElseThrow();
    String dialog = "/invoices/new?object=people&record_id=" + person;
    Map<String, String> fields = form(person);
    fields.put("object", "people");
    fields.put("description_0", "Audit");
    fields.put("unit_price_0", "99.90");
    fields.put("quantity_0", "3");
    fields.put("action", "finalize_and_send");

    String sent = browser.postForm(dialog, "/invoices/new", fields).body();
    fields.put("action", "draft");
    fields.put("description_0", "Audit, second part");
    String draft = browser.postForm(dialog, "/invoices/new", fields).body();

    assertThat(sent)
        .contains("Finalized and emailed: Stripe accepted the request to email it to", email)
        .contains("test mode, sends no real email.")
        .contains("USD 299.70", "Copy link");
    assertThat(draft)
        .contains("<h1>Draft invoice</h1>", "Saved as a draft in Stripe", "This is a draft:")
        .doesNotContain("Copy link");
  }

  private static Map<String, String> form(String company) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("object", "companies");
    fields.put("record_id", company);
    fields.put("currency", "usd");
    fields.put("days_until_due", "30");
    return fields;
  }
}
