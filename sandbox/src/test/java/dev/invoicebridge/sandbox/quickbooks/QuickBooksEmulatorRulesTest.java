package dev.invoicebridge.sandbox.quickbooks;

import static dev.invoicebridge.sandbox.quickbooks.EmulatorHarness.fault;
import static dev.invoicebridge.sandbox.quickbooks.EmulatorHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Intuit's business rules, error codes and shapes, checked on raw HTTP answers. */
class QuickBooksEmulatorRulesTest {
  EmulatorHarness qbo;
  String token;
  String customer;
  String item;

  @BeforeEach
  void start() {
    qbo = new EmulatorHarness();
    token = qbo.accessToken();
    customer =
        create(
            "customer",
            "{\"DisplayName\":\"Rules Co\",\"PrimaryEmailAddr\":{\"Address\":\"ap@rules.example\"}}",
            "Customer");
    String account =
        json(qbo.query("select * from Account where AccountType = 'Income'", token).body())
            .path("QueryResponse")
            .path("Account")
            .path(0)
            .path("Id")
            .asString();
    item =
        create(
            "item",
            "{\"Name\":\"Rules work\",\"Type\":\"Service\",\"IncomeAccountRef\":{\"value\":\""
                + account
                + "\"}}",
            "Item");
  }

  @AfterEach
  void stop() {
    qbo.close();
  }

  /** How many invoices the company holds, by Intuit's count query. */
  int invoiceCount() {
    return json(qbo.query("select count(*) from Invoice", token).body())
        .path("QueryResponse")
        .path("totalCount")
        .asInt();
  }

  String create(String entity, String body, String name) {
    HttpResponse<String> r = qbo.api("POST", "/" + entity, body, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body()).path(name).path("Id").asString();
  }

  String line(String amount, String qty, String unitPrice) {
    return "{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":%s,\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"%s\"},\"Qty\":%s,\"UnitPrice\":%s}}"
        .formatted(amount, item, qty, unitPrice);
  }

  String invoiceBody(String customerId, String... lines) {
    return "{\"CustomerRef\":{\"value\":\"%s\"},\"Line\":[%s]}"
        .formatted(customerId, String.join(",", lines));
  }

  JsonNode createInvoice(String body) {
    HttpResponse<String> r = qbo.api("POST", "/invoice", body, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r.body()).path("Invoice");
  }

  @Test
  void a_line_amount_other_than_qty_times_unit_price_is_6070() {
    JsonNode error =
        fault(
            qbo.api("POST", "/invoice", invoiceBody(customer, line("30", "2", "15.50")), token),
            400);

    assertThat(error.path("code").asString()).isEqualTo("6070");
    assertThat(error.path("Message").asString())
        .isEqualTo("Amount is not equal to UnitPrice * Qty");
    assertThat(
            createInvoice(invoiceBody(customer, line("31.00", "2", "15.50")))
                .path("TotalAmt")
                .decimalValue())
        .isEqualByComparingTo("31.00");
  }

  @Test
  void an_invoice_without_lines_or_customer_is_2020_required_param_missing() {
    JsonNode noLines = fault(qbo.api("POST", "/invoice", invoiceBody(customer), token), 400);
    JsonNode noCustomer =
        fault(
            qbo.api("POST", "/invoice", "{\"Line\":[" + line("10", "1", "10") + "]}", token), 400);

    assertThat(noLines.path("code").asString()).isEqualTo("2020");
    assertThat(noLines.path("Detail").asString()).contains("Line");
    assertThat(noCustomer.path("code").asString()).isEqualTo("2020");
    assertThat(noCustomer.path("Detail").asString()).contains("CustomerRef");
    assertThat(invoiceCount()).isZero();
  }

  @Test
  void an_inactive_customer_or_a_missing_item_is_2500_invalid_reference() {
    String inactive =
        qbo.seed("customers", "{\"DisplayName\":\"Gone Co\",\"Active\":false}")
            .path("Customer")
            .path("Id")
            .asString();
    JsonNode toInactive =
        fault(
            qbo.api("POST", "/invoice", invoiceBody(inactive, line("10", "1", "10")), token), 400);
    String missingItem =
        "{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":10,\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"99999\"},\"Qty\":1,\"UnitPrice\":10}}";
    JsonNode toMissingItem =
        fault(qbo.api("POST", "/invoice", invoiceBody(customer, missingItem), token), 400);

    assertThat(toInactive.path("code").asString()).isEqualTo("2500");
    assertThat(toInactive.path("Message").asString()).isEqualTo("Invalid Reference Id");
    assertThat(toMissingItem.path("code").asString()).isEqualTo("2500");
  }

  @Test
  void an_unparsable_query_or_a_property_that_is_not_filterable_is_4000() {
    JsonNode garbage = fault(qbo.query("selec * frm Invoice", token), 400);
    JsonNode notFilterable =
        fault(qbo.query("select * from Invoice where PrivateNote = 'x'", token), 400);
    JsonNode or = fault(qbo.query("select * from Customer where Id = '1' or Id = '2'", token), 400);

    assertThat(List.of(garbage, notFilterable, or))
        .allSatisfy(e -> assertThat(e.path("code").asString()).isEqualTo("4000"))
        .allSatisfy(e -> assertThat(e.path("Message").asString()).isEqualTo("Error parsing query"));
    assertThat(notFilterable.path("Detail").asString()).contains("PrivateNote");
  }

  @Test
  void like_matches_with_the_percent_wildcard_only() {
    create("customer", "{\"DisplayName\":\"Acme Widgets\"}", "Customer");
    create("customer", "{\"DisplayName\":\"Acme Gadgets\"}", "Customer");
    create("customer", "{\"DisplayName\":\"Bolt Widgets\"}", "Customer");

    JsonNode acme =
        json(
            qbo.query(
                    "select * from Customer where DisplayName like 'Acme%' orderby DisplayName",
                    token)
                .body());
    JsonNode widgets =
        json(qbo.query("select * from Customer where DisplayName like '%Widgets'", token).body());

    assertThat(acme.path("QueryResponse").path("Customer"))
        .extracting(c -> c.path("DisplayName").asString())
        .containsExactly("Acme Gadgets", "Acme Widgets");
    assertThat(widgets.path("QueryResponse").path("Customer")).hasSize(2);
  }

  @Test
  void count_star_answers_the_total_count_only_and_an_empty_result_has_no_entity_key() {
    createInvoice(invoiceBody(customer, line("10", "1", "10")));
    createInvoice(invoiceBody(customer, line("20", "2", "10")));

    JsonNode count =
        json(qbo.query("select count(*) from Invoice", token).body()).path("QueryResponse");
    JsonNode none =
        json(qbo.query("select * from Invoice where DocNumber = 'nope'", token).body())
            .path("QueryResponse");

    assertThat(count.path("totalCount").asInt()).isEqualTo(2);
    assertThat(count.has("Invoice")).isFalse();
    assertThat(none.isObject()).isTrue();
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void an_invoice_with_a_payment_applied_cannot_be_voided() {
    JsonNode invoice = createInvoice(invoiceBody(customer, line("40", "4", "10")));
    String id = invoice.path("Id").asString();
    qbo.seed("payments", "{\"invoiceId\":\"" + id + "\",\"amount\":15}");
    String syncToken =
        json(qbo.api("GET", "/invoice/" + id, null, token).body())
            .path("Invoice")
            .path("SyncToken")
            .asString();

    JsonNode error =
        fault(
            qbo.api(
                "POST",
                "/invoice?operation=void",
                "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + syncToken + "\"}",
                token),
            400);

    assertThat(error.path("code").asString()).isEqualTo("6000");
    assertThat(error.path("Detail").asString()).contains("payment");
    assertThat(
            json(qbo.api("GET", "/invoice/" + id, null, token).body())
                .path("Invoice")
                .path("Balance")
                .decimalValue())
        .isEqualByComparingTo("25");
  }

  @Test
  void a_payment_is_a_payment_entity_linked_both_ways() {
    JsonNode invoice = createInvoice(invoiceBody(customer, line("40", "4", "10")));
    String id = invoice.path("Id").asString();

    qbo.seed("payments", "{\"invoiceId\":\"" + id + "\",\"amount\":40}");

    JsonNode paid = json(qbo.api("GET", "/invoice/" + id, null, token).body()).path("Invoice");
    JsonNode link = paid.path("LinkedTxn").path(0);
    assertThat(link.path("TxnType").asString()).isEqualTo("Payment");
    JsonNode payment =
        json(qbo.api("GET", "/payment/" + link.path("TxnId").asString(), null, token).body())
            .path("Payment");
    assertThat(payment.path("TotalAmt").decimalValue()).isEqualByComparingTo("40");
    assertThat(payment.path("CustomerRef").path("value").asString()).isEqualTo(customer);
    assertThat(payment.path("Line").path(0).path("LinkedTxn").path(0).path("TxnId").asString())
        .isEqualTo(id);
    assertThat(paid.path("Balance").decimalValue()).isZero();
  }

  @Test
  void cdc_older_than_thirty_days_is_refused() {
    String since = OffsetDateTime.now(qbo.clock).minusDays(31).toString();

    JsonNode error =
        fault(qbo.api("GET", "/cdc?entities=Invoice&changedSince=" + since, null, token), 400);

    assertThat(error.path("Detail").asString()).contains("30 days");
    assertThat(
            json(qbo.api(
                        "GET",
                        "/cdc?entities=Invoice&changedSince="
                            + OffsetDateTime.now(qbo.clock).minusDays(29),
                        null,
                        token)
                    .body())
                .path("CDCResponse")
                .isArray())
        .isTrue();
  }

  @Test
  void cdc_lists_deletions_in_time_order_with_the_changes() {
    String since = OffsetDateTime.now(qbo.clock).minusMinutes(1).toString();
    JsonNode doomed = createInvoice(invoiceBody(customer, line("10", "1", "10")));
    qbo.clock.advance(Duration.ofMinutes(1));
    qbo.api(
        "POST",
        "/invoice?operation=delete",
        "{\"Id\":\"" + doomed.path("Id").asString() + "\",\"SyncToken\":\"0\"}",
        token);
    qbo.clock.advance(Duration.ofMinutes(1));
    JsonNode later = createInvoice(invoiceBody(customer, line("20", "2", "10")));

    JsonNode rows =
        json(qbo.api("GET", "/cdc?entities=Invoice&changedSince=" + since, null, token).body())
            .path("CDCResponse")
            .path(0)
            .path("QueryResponse")
            .path(0)
            .path("Invoice");

    List<String> order = new ArrayList<>();
    rows.forEach(r -> order.add(r.path("Id").asString() + ":" + r.path("status").asString("Live")));
    assertThat(order)
        .containsExactly(
            doomed.path("Id").asString() + ":Deleted", later.path("Id").asString() + ":Live");
  }

  @Test
  void an_unknown_request_property_is_2010_and_nothing_is_written() {
    JsonNode error =
        fault(
            qbo.api(
                "POST",
                "/invoice",
                "{\"CustomerRef\":{\"value\":\""
                    + customer
                    + "\"},\"Status\":\"Paid\",\"Line\":["
                    + line("10", "1", "10")
                    + "]}",
                token),
            400);
    JsonNode lineError =
        fault(
            qbo.api(
                "POST",
                "/invoice",
                invoiceBody(
                    customer,
                    line("10", "1", "10").replace("\"Amount\"", "\"Price\":1,\"Amount\"")),
                token),
            400);

    assertThat(error.path("code").asString()).isEqualTo("2010");
    assertThat(error.path("Detail").asString()).contains("Status");
    assertThat(lineError.path("Detail").asString()).contains("Price");
    assertThat(invoiceCount()).isZero();
  }

  @Test
  void need_to_send_without_a_bill_email_is_refused() {
    String noEmail = create("customer", "{\"DisplayName\":\"Quiet Co\"}", "Customer");
    String body =
        "{\"CustomerRef\":{\"value\":\""
            + noEmail
            + "\"},\"EmailStatus\":\"NeedToSend\",\"Line\":["
            + line("10", "1", "10")
            + "]}";

    JsonNode error = fault(qbo.api("POST", "/invoice", body, token), 400);

    assertThat(error.path("code").asString()).isEqualTo("2020");
    assertThat(error.path("Detail").asString()).contains("BillEmail");
    assertThat(
            createInvoice(
                    body.replace(
                        "\"EmailStatus\"",
                        "\"BillEmail\":{\"Address\":\"q@quiet.example\"},\"EmailStatus\""))
                .path("EmailStatus")
                .asString())
        .isEqualTo("NeedToSend");
  }

  @Test
  void without_custom_transaction_numbers_quickbooks_numbers_every_invoice_itself() {
    qbo.seed("preferences", "{\"customTxnNumbers\":false}");
    String body =
        "{\"CustomerRef\":{\"value\":\""
            + customer
            + "\"},\"DocNumber\":\"MINE-1\",\"Line\":["
            + line("10", "1", "10")
            + "]}";

    JsonNode first = createInvoice(body);
    JsonNode second = createInvoice(body);

    assertThat(first.path("DocNumber").asString()).isNotEqualTo("MINE-1");
    assertThat(second.path("DocNumber").asString())
        .isNotEqualTo(first.path("DocNumber").asString());
  }

  @Test
  void
      home_amounts_and_exchange_rate_appear_only_for_foreign_currency_in_a_multicurrency_company() {
    JsonNode home = createInvoice(invoiceBody(customer, line("10", "1", "10")));
    assertThat(home.has("ExchangeRate")).isFalse();
    assertThat(home.has("HomeTotalAmt")).isFalse();
    assertThat(home.has("HomeBalance")).isFalse();

    qbo.seed("preferences", "{\"multiCurrencyEnabled\":true}");
    String euro =
        create(
            "customer",
            "{\"DisplayName\":\"Euro GmbH\",\"CurrencyRef\":{\"value\":\"EUR\"}}",
            "Customer");
    JsonNode foreign =
        createInvoice(
            "{\"CustomerRef\":{\"value\":\""
                + euro
                + "\"},\"CurrencyRef\":{\"value\":\"EUR\"},\"ExchangeRate\":1.08,\"Line\":["
                + line("100", "1", "100")
                + "]}");

    assertThat(foreign.path("ExchangeRate").decimalValue()).isEqualByComparingTo("1.08");
    assertThat(foreign.path("HomeTotalAmt").decimalValue()).isEqualByComparingTo("108.00");
    assertThat(foreign.path("HomeBalance").decimalValue()).isEqualByComparingTo("108.00");
  }

  @Test
  void a_name_held_by_a_vendor_or_employee_is_6240_for_a_customer() {
    qbo.seed("vendors", "{\"DisplayName\":\"Shared Name\"}");
    qbo.seed("employees", "{\"GivenName\":\"Emma\",\"FamilyName\":\"Ployee\"}");

    JsonNode vendorsName =
        fault(qbo.api("POST", "/customer", "{\"DisplayName\":\"Shared Name\"}", token), 400);
    JsonNode employeesName =
        fault(qbo.api("POST", "/customer", "{\"DisplayName\":\"Emma Ployee\"}", token), 400);

    assertThat(vendorsName.path("code").asString()).isEqualTo("6240");
    assertThat(vendorsName.path("Message").asString()).isEqualTo("Duplicate Name Exists Error");
    assertThat(employeesName.path("code").asString()).isEqualTo("6240");
  }

  @Test
  void a_customer_is_reactivated_by_a_sparse_update_with_its_sync_token() {
    String id =
        qbo.seed("customers", "{\"DisplayName\":\"Sleepy Co\",\"Active\":false}")
            .path("Customer")
            .path("Id")
            .asString();
    assertThat(
            json(qbo.query("select * from Customer where DisplayName = 'Sleepy Co'", token).body())
                .path("QueryResponse")
                .isEmpty())
        .isTrue();

    JsonNode stale =
        fault(
            qbo.api(
                "POST",
                "/customer",
                "{\"Id\":\"" + id + "\",\"SyncToken\":\"7\",\"sparse\":true,\"Active\":true}",
                token),
            400);
    HttpResponse<String> ok =
        qbo.api(
            "POST",
            "/customer",
            "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":true}",
            token);

    assertThat(stale.path("code").asString()).isEqualTo("5010");
    assertThat(json(ok.body()).path("Customer").path("Active").asBoolean()).isTrue();
    assertThat(json(ok.body()).path("Customer").path("SyncToken").asString()).isEqualTo("1");
    assertThat(
            json(qbo.query("select * from Customer where DisplayName = 'Sleepy Co'", token).body())
                .path("QueryResponse")
                .path("Customer"))
        .hasSize(1);
  }

  @Test
  void throttling_answers_429_with_code_3001_and_no_retry_after() {
    qbo.controlOk("POST", "/limits", "{\"requestsPerMinute\":2}");
    qbo.clock.advance(Duration.ofMinutes(1));
    qbo.api("GET", "/preferences", null, token);
    qbo.api("GET", "/preferences", null, token);

    HttpResponse<String> throttled = qbo.api("GET", "/preferences", null, token);

    JsonNode error = fault(throttled, 429);
    assertThat(error.path("code").asString()).isEqualTo("3001");
    assertThat(error.path("Message").asString())
        .isEqualTo("message=ThrottleExceeded; errorCode=003001; statusCode=429");
    assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
    assertThat(throttled.headers().firstValue("intuit_tid")).isPresent();
    qbo.clock.advance(Duration.ofMinutes(1));
    assertThat(qbo.api("GET", "/preferences", null, token).statusCode()).isEqualTo(200);
  }

  @Test
  void an_expired_access_token_gets_the_gateway_401_stamped_with_the_emulators_clock() {
    qbo.clock.advance(Duration.ofMinutes(61));

    HttpResponse<String> r = qbo.api("GET", "/preferences", null, token);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"Intuit\", error=\"invalid_token\"");
    JsonNode body = json(r.body());
    assertThat(body.path("fault").path("error").path(0).path("code").asString()).isEqualTo("3200");
    assertThat(body.path("time").asLong()).isEqualTo(qbo.clock.millis());
  }

  @Test
  void every_api_call_is_logged_with_its_query_parameters() {
    qbo.api("POST", "/invoice?requestid=r-1", invoiceBody(customer, line("10", "1", "10")), token);

    CallLog.Call last = qbo.sandbox.calls().calls().getLast();
    assertThat(last.method()).isEqualTo("POST");
    assertThat(last.path()).endsWith("/invoice");
    assertThat(last.query()).containsEntry("minorversion", "75").containsEntry("requestid", "r-1");
    assertThat(last.status()).isEqualTo(200);
    assertThat(qbo.controlOk("GET", "/calls", null).path("calls").size())
        .isEqualTo(qbo.sandbox.calls().calls().size());
  }
}
