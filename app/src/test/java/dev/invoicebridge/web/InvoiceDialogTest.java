package dev.invoicebridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.OwnSandboxAppTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The create dialog's moving parts over HTTP, as the browser calls them: catalog search, line rows
 * added and removed (with and without JavaScript), double submits, and the currency choice. A
 * service of its own: it seeds the Stripe catalog with more than a hundred prices, which the
 * catalog checks of other classes would see.
 */
class InvoiceDialogTest extends OwnSandboxAppTest {
  static final Pattern KEY = Pattern.compile("name=\"idempotency_key\" value=\"([^\"]+)\"");

  Http browser;

  @BeforeEach
  void logInAsOperator() {
    browser = logIn("operator");
  }

  @Test
  void the_catalog_search_finds_a_price_past_stripes_first_page_with_amount_and_currency() {
    String archive = seed("Archive licence", "eur", 4200);
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < 110; i++) {
      filler.append(
          "&products[%d][name]=Filler+%03d&products[%d][unit_amount]=100".formatted(i, i, i));
    }
    rig.stripeForm("/_control/seed", filler.substring(1));
    assertThat(rig.stripe("GET", "/v1/prices?active=true&limit=100").body())
        .doesNotContain(archive);

    HttpResponse<String> found = browser.get("/invoices/catalog?q=ARCHIVE&currency=usd&row=3");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains(
            "id=\"catalog-3-0\"",
            "data-price-id=\"" + archive + "\"",
            "Archive licence",
            "EUR 42.00",
            "data-currency=\"eur\"",
            "Not in USD, the invoice currency")
        .doesNotContain("Filler");
    assertThat(options(browser.get("/invoices/catalog?q=&currency=usd").body()))
        .isEqualTo(InvoiceDialogParts.RESULTS);
    assertThat(browser.get("/invoices/catalog?q=zeppelin").body())
        .contains("No catalog price matches “zeppelin”.");
    assertThat(new Http(port).get("/invoices/catalog?q=archive").body())
        .doesNotContain("Archive licence")
        .contains("Log in");
  }

  @Test
  void a_line_row_is_added_by_htmx_or_without_javascript_and_removed_again() {
    HttpResponse<String> added = browser.get("/invoices/new/line?next_row=3");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body())
        .contains("name=\"price_query_3\"", "name=\"description_3\"", "name=\"unit_price_3\"")
        .containsPattern("id=\"next-row\" name=\"next_row\" value=\"4\" hx-swap-oob=\"true\"");
    assertThat(browser.get("/invoices/new/line?next_row=1000").statusCode()).isEqualTo(422);

    String person = rig.records("people").get(0);
    Map<String, String> fields = form("people", person, dialogKey("people", person));
    fields.put("description_0", "Workshop");
    fields.put("unit_price_0", "450");
    fields.put("op", "add_line");
    String withTwo = post("people", person, fields).body();
    assertThat(withTwo).contains("value=\"Workshop\"", "name=\"description_1\"");

    fields.put("description_1", "Travel");
    fields.put("op", "remove_line_0");
    String withOne = post("people", person, fields).body();
    assertThat(withOne)
        .contains("name=\"description_1\"", "value=\"Travel\"")
        .doesNotContain("name=\"description_0\"", "Workshop");
  }

  @Test
  void without_javascript_the_search_text_lists_matches_to_pick_from() {
    String person = rig.records("people").get(4);
    JsonNode consulting = rig.get("/api/v1/catalog/prices?query=consulting").path("prices").get(0);
    String priceId = consulting.path("price_id").asString();
    Map<String, String> fields = form("people", person, dialogKey("people", person));
    fields.put("price_query_0", "consult");
    fields.put("quantity_0", "3");
    fields.put("op", "preview");

    String listed = post("people", person, fields).body();
    assertThat(listed)
        .contains("value=\"pick_0_" + priceId + "\"", "Use Consulting hour — USD 150.00");

    fields.put("op", "pick_0_" + priceId);
    String picked = post("people", person, fields).body();
    assertThat(picked)
        .containsPattern("name=\"price_id_0\" value=\"" + priceId + "\"")
        .containsPattern("name=\"price_query_0\"[^>]*value=\"Consulting hour — USD 150.00\"")
        .containsPattern("name=\"description_0\"[^>]*disabled");

    fields.remove("op");
    fields.put("price_id_0", priceId);
    fields.put("price_currency_0", "usd");
    fields.put("action", "draft");
    String id = post("people", person, fields).uri().getPath().substring("/invoices/".length());
    assertThat(rig.get("/api/v1/invoices/" + id).path("total").asLong()).isEqualTo(45_000);
  }

  @Test
  void a_field_message_stays_on_its_row_when_rows_have_gaps() {
    String person = rig.records("people").get(1);
    Map<String, String> fields = form("people", person, dialogKey("people", person));
    fields.put("description_0", "Workshop");
    fields.put("unit_price_0", "450");
    fields.put("description_5", "Travel");
    fields.put("unit_price_5", "lots");
    fields.put("quantity_7", "2");
    fields.put("price_query_7", "consult");
    fields.put("action", "finalize");
    int before = rig.invoiceCount();

    String page = post("people", person, fields).body();

    assertThat(page)
        .contains(
            "id=\"error-5-unit_price\">Unit price must be an amount such as 150.00.",
            "id=\"error-7-price\">Pick a price from the search results")
        .doesNotContain("id=\"error-0-");
    assertThat(rig.invoiceCount()).isEqualTo(before);
  }

  @Test
  void submitting_one_dialog_twice_or_at_once_creates_one_invoice() throws Exception {
    String person = rig.records("people").get(2);
    Map<String, String> fields = form("people", person, dialogKey("people", person));
    fields.put("description_0", "Retainer");
    fields.put("unit_price_0", "1200");
    fields.put("action", "finalize");

    HttpResponse<String> first = post("people", person, fields);
    HttpResponse<String> again = post("people", person, fields);

    assertThat(first.uri().getPath()).startsWith("/invoices/").isEqualTo(again.uri().getPath());
    assertThat(again.body()).contains("the repeated submit created nothing new");
    String id = first.uri().getPath().substring("/invoices/".length());
    assertThat(rig.stripeInvoicesFor(id)).hasSize(1);
    String stripeId = rig.get("/api/v1/invoices/" + id).path("provider_invoice_id").asString();
    assertThat(rig.attioInvoices(stripeId)).hasSize(1);

    fields.put(DialogSubmits.FIELD, dialogKey("people", person));
    List<HttpResponse<String>> together;
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> clicks =
          IntStream.range(0, 2)
              .mapToObj(i -> pool.submit(() -> post("people", person, fields)))
              .toList();
      together = List.of(clicks.get(0).get(), clicks.get(1).get());
    }
    String path = together.getFirst().uri().getPath();
    assertThat(together).allSatisfy(r -> assertThat(r.uri().getPath()).isEqualTo(path));
    assertThat(rig.stripeInvoicesFor(path.substring("/invoices/".length()))).hasSize(1);

    fields.put("unit_price_0", "1300");
    String changed = post("people", person, fields).body();
    assertThat(changed)
        .contains("This dialog already created an invoice", "href=\"" + path + "\"")
        .doesNotContain("value=\"" + fields.get(DialogSubmits.FIELD) + "\"");
  }

  @Test
  void a_stripe_refusal_is_told_in_the_dialog_and_the_corrected_retry_reuses_the_same_invoice() {
    String person = rig.records("people").get(8);
    Map<String, String> fields = form("people", person, dialogKey("people", person));
    catalogLine(fields, 0, "price_gone0000", "usd", 5000);
    fields.put("action", "finalize");
    int stripeBefore = rig.stripeInvoiceCount();
    int before = rig.invoiceCount();

    String refused = post("people", person, fields).body();

    assertThat(refused)
        .contains(
            "id=\"dialog-problem\"", "Stripe no longer has a price or customer this invoice uses")
        .doesNotContain("sk_");
    assertThat(rig.invoiceCount()).isEqualTo(before);
    JsonNode consulting = rig.get("/api/v1/catalog/prices?query=consulting").path("prices").get(0);
    catalogLine(fields, 0, consulting.path("price_id").asString(), "usd", 15_000);
    HttpResponse<String> created = post("people", person, fields);
    String id = created.uri().getPath().substring("/invoices/".length());
    assertThat(rig.get("/api/v1/invoices/" + id).path("total").asLong()).isEqualTo(15_000);
    // The draft Stripe made before refusing the line is the one the retry finished.
    assertThat(rig.stripeInvoiceCount()).isEqualTo(stripeBefore + 1);
    assertThat(rig.stripeInvoicesFor(id)).hasSize(1);
  }

  @Test
  void a_customer_billed_in_another_currency_is_offered_that_currency_in_the_dialog() {
    String person = rig.records("people").get(3);
    rig.created(InvoiceRig.body("people", person, "draft", ""));
    String euroPrice = seed("Euro workshop", "eur", 9900);
    Map<String, String> fields = form("people", person, dialogKey("people", person));
    fields.put("currency", "eur");
    catalogLine(fields, 0, euroPrice, "eur", 9900);
    fields.put("description_1", "Setup");
    fields.put("unit_price_1", "100.00");
    fields.put("action", "finalize");
    int before = rig.invoiceCount();

    String offered = post("people", person, fields).body();

    assertThat(offered)
        .contains(
            "is billed in USD by Stripe.",
            "Bill in USD instead",
            "1 catalog line is priced in EUR and will need a USD price.",
            "name=\"pending_action\" value=\"finalize\"");
    fields.put("bill_in", "usd");
    fields.put("pending_action", "finalize");
    String flagged = post("people", person, fields).body();
    assertThat(flagged)
        .contains("id=\"error-0-price\">This price is in EUR but the invoice is in USD")
        .containsPattern("name=\"currency\"[^>]*value=\"usd\"");
    assertThat(rig.invoiceCount()).isEqualTo(before);

    JsonNode consulting = rig.get("/api/v1/catalog/prices?query=consulting").path("prices").get(0);
    fields.remove("bill_in");
    fields.remove("pending_action");
    fields.put("currency", "usd");
    catalogLine(fields, 0, consulting.path("price_id").asString(), "usd", 15_000);
    HttpResponse<String> created = post("people", person, fields);

    String id = created.uri().getPath().substring("/invoices/".length());
    JsonNode invoice = rig.get("/api/v1/invoices/" + id);
    assertThat(invoice.path("currency").asString()).isEqualTo("usd");
    assertThat(invoice.path("status").asString()).isEqualTo("open");
    assertThat(invoice.path("total").asLong()).isEqualTo(15_000 + 10_000);
    HttpResponse<String> api =
        rig.post(InvoiceRig.body("people", person, "draft", "").replace("\"usd\"", "\"eur\""));
    assertThat(api.statusCode()).isEqualTo(422);
    assertThat(Http.json(api).path("customer_currency").asString()).isEqualTo("usd");
    assertThat(Http.json(api).path("requested_currency").asString()).isEqualTo("eur");
  }

  private String seed(String name, String currency, long unitAmount) {
    JsonNode seeded =
        rig.stripeForm(
            "/_control/seed",
            "products[0][name]=%s&products[0][unit_amount]=%d&products[0][currency]=%s"
                .formatted(name.replace(' ', '+'), unitAmount, currency));
    return seeded.path("prices").path(name).asString();
  }

  /** A row as the picker leaves it after a price was chosen. */
  private static void catalogLine(
      Map<String, String> fields, int row, String priceId, String currency, long amount) {
    fields.put("price_id_" + row, priceId);
    fields.put("price_amount_" + row, String.valueOf(amount));
    fields.put("price_currency_" + row, currency);
    fields.put("price_query_" + row, "Chosen — " + currency.toUpperCase());
    fields.put("quantity_" + row, "1");
  }

  private String dialogKey(String object, String record) {
    Matcher m = KEY.matcher(browser.get(dialog(object, record)).body());
    assertThat(m.find()).as("the dialog carries an idempotency key").isTrue();
    return m.group(1);
  }

  private HttpResponse<String> post(String object, String record, Map<String, String> fields) {
    return browser.postForm(dialog(object, record), "/invoices/new", fields);
  }

  private static int options(String html) {
    return html.split("role=\"option\"", -1).length - 1;
  }

  private static String dialog(String object, String record) {
    return "/invoices/new?object=" + object + "&record_id=" + record;
  }

  private static Map<String, String> form(String object, String record, String key) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("object", object);
    fields.put("record_id", record);
    fields.put("currency", "usd");
    fields.put("days_until_due", "30");
    fields.put(DialogSubmits.FIELD, key);
    return fields;
  }
}
