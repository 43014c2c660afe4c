package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.intuit.ipp.data.CDCResponse;
import com.intuit.ipp.data.EntityStatusEnum;
import com.intuit.ipp.data.IntuitResponse;
import com.intuit.ipp.data.QueryResponse;
import dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.sandbox.quickbooks.CallLog;
import dev.invoicebridge.sandbox.quickbooks.IntuitSchema;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's responses and the client's request bodies, read with Intuit's own entity model:
 * every property must be one Intuit defines, and every required one must be there.
 */
class IntuitContractTest {
  static QuickBooksSandboxFixture qbo;
  static QuickBooksTokens tokens;
  static HttpQuickBooksClient client;
  static Invoice invoice;
  static Customer customer;
  static Item item;

  @BeforeAll
  static void start() {
    qbo = new QuickBooksSandboxFixture();
    tokens = qbo.connectedTokens(new InMemoryOAuthTokenStore());
    client = qbo.client(tokens);
    customer =
        client.findOrCreateCustomer(
            new NewCustomer("Contract Co", "Contract Company", "c@contract.example", null));
    item = client.findOrCreateServiceItem("Contract work");
    invoice = client.createInvoice(newInvoice(), "contract-1");
  }

  @AfterAll
  static void stop() {
    qbo.close();
  }

  static NewInvoice newInvoice() {
    return new NewInvoice(
        customer.id(),
        List.of(InvoiceLine.of(item.id(), "Work", new BigDecimal("2"), new BigDecimal("12.50"))),
        "ap@contract.example",
        "USD",
        LocalDate.of(2026, 4, 1),
        "Thanks",
        "C-1",
        "attio:rec_c");
  }

  String get(String pathAndQuery) {
    String realm = QuickBooksSandboxFixture.REALM;
    String sep = pathAndQuery.contains("?") ? "&" : "?";
    HttpResponse<String> r =
        qbo.send(
            HttpRequest.newBuilder(
                    URI.create(
                        qbo.endpoints.api()
                            + "/v3/company/"
                            + realm
                            + pathAndQuery
                            + sep
                            + "minorversion=75"))
                .header("Authorization", "Bearer " + tokens.accessToken())
                .header("Accept", "application/json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** The envelope's keys are IntuitResponse's; the entity inside is read with its class. */
  static <T> T entity(String body, String name, Class<T> type) {
    JsonNode root = IntuitModel.tree(body);
    Set<String> envelope = IntuitModel.names(IntuitResponse.class);
    root.fieldNames()
        .forEachRemaining(
            k ->
                assertThat(k.equals(name) || envelope.contains(k))
                    .as("envelope key " + k)
                    .isTrue());
    return IntuitModel.read(IntuitModel.write(root.path(name)), type, IntuitRequired.Role.RESPONSE);
  }

  /** Every row of a query's answer, read as Intuit's class with the response requirements. */
  static <T> List<T> rows(String body, String name, Class<T> type) {
    JsonNode query = IntuitModel.tree(body).path("QueryResponse");
    Set<String> declared = IntuitModel.names(QueryResponse.class);
    query
        .fieldNames()
        .forEachRemaining(k -> assertThat(k.equals(name) || declared.contains(k)).as(k).isTrue());
    List<T> out = new java.util.ArrayList<>();
    query
        .path(name)
        .forEach(
            n ->
                out.add(
                    IntuitModel.read(IntuitModel.write(n), type, IntuitRequired.Role.RESPONSE)));
    return out;
  }

  String query(String statement) {
    return get("/query?query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
  }

  @Test
  void customer_responses_match_intuits_customer() {
    com.intuit.ipp.data.Customer c =
        entity(get("/customer/" + customer.id()), "Customer", com.intuit.ipp.data.Customer.class);

    assertThat(c.getDisplayName()).isEqualTo("Contract Co");
    assertThat(c.getPrimaryEmailAddr().getAddress()).isEqualTo("c@contract.example");
    assertThat(c.getMetaData().getCreateTime()).isNotNull();
    assertThat(c.getCurrencyRef().getValue()).isEqualTo("USD");
  }

  @Test
  void item_responses_match_intuits_item() {
    com.intuit.ipp.data.Item i =
        entity(get("/item/" + item.id()), "Item", com.intuit.ipp.data.Item.class);

    assertThat(i.getName()).isEqualTo("Contract work");
    assertThat(i.getType().value()).isEqualTo("Service");
    assertThat(i.getIncomeAccountRef().getValue()).isNotBlank();
  }

  @Test
  void invoice_responses_match_intuits_invoice_with_the_subtotal_line() {
    com.intuit.ipp.data.Invoice i =
        entity(get("/invoice/" + invoice.id()), "Invoice", com.intuit.ipp.data.Invoice.class);

    assertThat(i.getTotalAmt()).isEqualByComparingTo("25.00");
    assertThat(i.getLine())
        .extracting(l -> l.getDetailType().value())
        .containsExactly("SalesItemLineDetail", "SubTotalLineDetail");
    assertThat(i.getLine().getFirst().getSalesItemLineDetail().getQty()).isEqualByComparingTo("2");
    assertThat(i.getSyncToken()).isEqualTo("0");
  }

  @Test
  void voided_and_sent_invoices_still_match() {
    Invoice other = client.createInvoice(newInvoice().withDocNumber("C-2"), "contract-2");
    client.sendInvoice(other.id(), other.syncToken(), null);
    Invoice sent = client.invoice(other.id());
    client.voidInvoice(sent.id(), sent.syncToken());

    com.intuit.ipp.data.Invoice i =
        entity(get("/invoice/" + other.id()), "Invoice", com.intuit.ipp.data.Invoice.class);

    assertThat(i.getPrivateNote()).startsWith("Voided");
    assertThat(i.getDeliveryInfo().getDeliveryType().value()).isEqualTo("Email");
  }

  @Test
  void query_responses_match_intuits_query_response() {
    String statement =
        URLEncoder.encode("select * from Invoice where DocNumber = 'C-1'", StandardCharsets.UTF_8);
    JsonNode query = IntuitModel.tree(get("/query?query=" + statement)).path("QueryResponse");

    Set<String> declared = IntuitModel.names(QueryResponse.class);
    for (Iterator<String> keys = query.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (key.equals("Invoice")) {
        query
            .path(key)
            .forEach(
                n ->
                    IntuitModel.read(
                        IntuitModel.write(n),
                        com.intuit.ipp.data.Invoice.class,
                        IntuitRequired.Role.RESPONSE));
      } else {
        assertThat(declared).contains(key);
      }
    }
    assertThat(query.path("Invoice")).hasSize(1);
  }

  @Test
  void cdc_responses_match_intuits_cdc_response_including_deleted_stubs() {
    OffsetDateTime since = OffsetDateTime.now(qbo.clock).minusMinutes(1);
    qbo.clock.advance(Duration.ofSeconds(5));
    Invoice doomed = client.createInvoice(newInvoice().withDocNumber("C-3"), "contract-3");
    client.deleteInvoice(doomed.id(), doomed.syncToken());
    client.createInvoice(newInvoice().withDocNumber("C-4"), "contract-4");
    String body =
        get(
            "/cdc?entities=Invoice&changedSince="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8));

    JsonNode cdc = IntuitModel.tree(body).path("CDCResponse");
    assertThat(cdc.isArray()).isTrue();
    Set<String> cdcNames = IntuitModel.names(CDCResponse.class);
    Set<String> queryNames = IntuitModel.names(QueryResponse.class);
    List<String> deleted = new java.util.ArrayList<>();
    for (JsonNode element : cdc) {
      element.fieldNames().forEachRemaining(k -> assertThat(cdcNames).contains(k));
      for (JsonNode group : element.path("QueryResponse")) {
        for (Iterator<String> keys = group.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          if (!key.equals("Invoice")) {
            assertThat(queryNames).contains(key);
            continue;
          }
          for (JsonNode n : group.path(key)) {
            boolean stub = "Deleted".equals(n.path("status").asText());
            com.intuit.ipp.data.Invoice i =
                IntuitModel.read(
                    IntuitModel.write(n),
                    com.intuit.ipp.data.Invoice.class,
                    stub ? IntuitRequired.Role.DELETED : IntuitRequired.Role.RESPONSE);
            if (i.getStatus() == EntityStatusEnum.DELETED) {
              deleted.add(i.getId());
            }
          }
        }
      }
    }
    assertThat(deleted).contains(doomed.id().value());
  }

  @Test
  void customer_item_and_account_query_responses_match_intuits_model() {
    List<com.intuit.ipp.data.Customer> customers =
        rows(
            query("select * from Customer where DisplayName = 'Contract Co'"),
            "Customer",
            com.intuit.ipp.data.Customer.class);
    List<com.intuit.ipp.data.Item> items =
        rows(query("select * from Item"), "Item", com.intuit.ipp.data.Item.class);
    List<com.intuit.ipp.data.Account> accounts =
        rows(
            query("select * from Account where AccountType = 'Income'"),
            "Account",
            com.intuit.ipp.data.Account.class);

    assertThat(customers).extracting(c -> c.getId()).containsExactly(customer.id().value());
    assertThat(items).extracting(i -> i.getName()).contains("Contract work");
    assertThat(accounts).isNotEmpty().allSatisfy(a -> assertThat(a.getName()).isNotBlank());
  }

  @Test
  void cdc_for_customers_and_items_matches_intuits_model() {
    OffsetDateTime since = OffsetDateTime.now(qbo.clock).minusMinutes(1);
    client.findOrCreateCustomer(
        new NewCustomer("CDC Contract", null, "cdc@contract.example", null));
    client.findOrCreateServiceItem("CDC contract work");

    JsonNode groups =
        IntuitModel.tree(
                get(
                    "/cdc?entities=Customer,Item&changedSince="
                        + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8)))
            .path("CDCResponse")
            .path(0)
            .path("QueryResponse");

    List<String> seen = new java.util.ArrayList<>();
    for (JsonNode group : groups) {
      for (String entity : List.of("Customer", "Item")) {
        for (JsonNode n : group.path(entity)) {
          Class<?> type =
              entity.equals("Customer")
                  ? com.intuit.ipp.data.Customer.class
                  : com.intuit.ipp.data.Item.class;
          IntuitModel.read(IntuitModel.write(n), type, IntuitRequired.Role.RESPONSE);
          seen.add(entity + ":" + n.path("Id").asText());
        }
      }
    }
    assertThat(seen).anyMatch(s -> s.startsWith("Customer:")).anyMatch(s -> s.startsWith("Item:"));
  }

  @Test
  void every_write_the_client_makes_and_every_answer_to_it_keeps_intuits_contract() {
    int from = qbo.sandbox.calls().calls().size();
    Invoice created = client.createInvoice(newInvoice().withDocNumber("C-5"), "contract-5");
    Invoice updated =
        client.updateInvoice(
            created.id(), created.syncToken(), new InvoicePatch(null, "memo", null, null, null));
    Invoice sent = client.sendInvoice(updated.id(), updated.syncToken(), "s@contract.example");
    client.voidInvoice(sent.id(), sent.syncToken());
    Invoice doomed = client.createInvoice(newInvoice().withDocNumber("C-6"), "contract-6");
    client.deleteInvoice(doomed.id(), doomed.syncToken());
    client.findOrCreateServiceItem("Contract extra");

    List<CallLog.Call> writes =
        qbo.sandbox.calls().calls().subList(from, qbo.sandbox.calls().calls().size()).stream()
            .filter(c -> c.method().equals("POST"))
            .toList();

    assertThat(writes)
        .extracting(
            c ->
                c.path().replaceAll(".*/v3/company/\\d+", "")
                    + c.query().getOrDefault("operation", ""))
        .contains(
            "/invoice",
            "/invoice/" + created.id() + "/send",
            "/invoicevoid",
            "/invoicedelete",
            "/item");
    assertThat(writes).allSatisfy(c -> assertThat(c.responseBody()).isNotNull());
    assertThat(IntuitContract.violations(writes)).isEmpty();
  }

  @Test
  void the_clients_request_bodies_are_intuit_entities() {
    IntuitModel.read(
        QboJson.customerBody(new NewCustomer("X", "X Inc", "x@x.example", "USD")).toString(),
        com.intuit.ipp.data.Customer.class,
        IntuitRequired.Role.CREATE);
    IntuitModel.read(
        QboJson.reactivateBody(customer).toString(),
        com.intuit.ipp.data.Customer.class,
        IntuitRequired.Role.UPDATE);
    IntuitModel.read(
        QboJson.itemBody("Widget", "1").toString(),
        com.intuit.ipp.data.Item.class,
        IntuitRequired.Role.CREATE);
    IntuitModel.read(
        QboJson.invoiceBody(newInvoice().inCurrency("EUR", new BigDecimal("1.08"))).toString(),
        com.intuit.ipp.data.Invoice.class,
        IntuitRequired.Role.CREATE);
    IntuitModel.read(
        QboJson.patchBody(
                invoice.id(),
                "0",
                new InvoicePatch(
                    LocalDate.of(2026, 5, 1), "m", "b@x.example", "n", invoice.lines()))
            .toString(),
        com.intuit.ipp.data.Invoice.class,
        IntuitRequired.Role.UPDATE);
    IntuitModel.read(
        QboJson.reference(invoice.id().value(), "0").toString(),
        com.intuit.ipp.data.Invoice.class,
        IntuitRequired.Role.REFERENCE);
  }

  @Test
  void the_contract_check_itself_rejects_properties_intuit_does_not_define() {
    assertThatThrownBy(
            () ->
                IntuitModel.readStrict(
                    "{\"Id\":\"1\",\"Status\":\"Paid\"}", com.intuit.ipp.data.Invoice.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Status");
    assertThatThrownBy(
            () ->
                IntuitModel.readStrict(
                    "{\"Line\":[{\"DetailType\":\"SalesItemLine\"}]}",
                    com.intuit.ipp.data.Invoice.class))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                IntuitModel.readStrict(
                    "{\"EmailStatus\":\"Sent\"}", com.intuit.ipp.data.Invoice.class))
        .as("an enum value Intuit does not define")
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void the_xsd_marks_nothing_required_so_the_documented_list_has_to() {
    for (Class<?> type :
        List.of(
            com.intuit.ipp.data.Invoice.class,
            com.intuit.ipp.data.Customer.class,
            com.intuit.ipp.data.Item.class,
            com.intuit.ipp.data.Line.class,
            com.intuit.ipp.data.SalesItemLineDetail.class,
            com.intuit.ipp.data.ReferenceType.class)) {
      assertThat(IntuitModel.xsdRequired(type)).as(type.getSimpleName()).isEmpty();
    }
    // An invoice without a customer or lines passes the XSD flags and the strict read...
    String bare = "{\"DocNumber\":\"1\"}";
    IntuitModel.readStrict(bare, com.intuit.ipp.data.Invoice.class);
    // ...and fails the requirements Intuit documents.
    assertThatThrownBy(
            () ->
                IntuitModel.read(
                    bare, com.intuit.ipp.data.Invoice.class, IntuitRequired.Role.CREATE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CustomerRef.value")
        .hasMessageContaining("Line");
  }

  @Test
  void the_required_list_catches_what_intuit_documents_as_required() {
    String line =
        "{\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"}}}";
    assertThat(
            IntuitRequired.missing(
                "Invoice",
                IntuitRequired.Role.CREATE,
                IntuitModel.tree(
                    "{\"CustomerRef\":{\"value\":\"1\"},\"EmailStatus\":\"NeedToSend\",\"Line\":["
                        + line
                        + "]}")))
        .containsExactly("Line[0].Amount", "BillEmail.Address (EmailStatus is NeedToSend)");
    assertThat(
            IntuitRequired.missing(
                "Customer",
                IntuitRequired.Role.CREATE,
                IntuitModel.tree("{\"CompanyName\":\"X\"}")))
        .containsExactly("DisplayName (or a name part)");
    assertThat(
            IntuitRequired.missing(
                "Item",
                IntuitRequired.Role.CREATE,
                IntuitModel.tree("{\"Name\":\"X\",\"Type\":\"Service\"}")))
        .containsExactly("IncomeAccountRef.value");
    assertThat(
            IntuitRequired.missing(
                "Invoice", IntuitRequired.Role.REFERENCE, IntuitModel.tree("{\"Id\":\"1\"}")))
        .containsExactly("SyncToken");
    assertThat(
            IntuitRequired.missing(
                "Customer",
                IntuitRequired.Role.RESPONSE,
                IntuitModel.tree(
                    "{\"Id\":\"1\",\"DisplayName\":\"X\",\"Active\":true,\"CurrencyRef\":{\"value\":\"USD\"},"
                        + "\"MetaData\":{\"CreateTime\":\"t\",\"LastUpdatedTime\":\"t\"}}")))
        .containsExactly("SyncToken");
  }

  @Test
  void a_recorded_exchange_that_breaks_the_contract_is_reported() {
    CallLog.Call bad =
        new CallLog.Call(
            "POST",
            "/v3/company/1/invoice",
            java.util.Map.of("minorversion", "75", "requestid", "r"),
            "{\"CustomerRef\":{\"value\":\"1\"},\"Line\":[],\"Color\":\"red\"}",
            200,
            "{\"Invoice\":{\"Id\":\"1\",\"TotalAmt\":\"x\"},\"time\":\"t\"}");

    assertThat(IntuitContract.violations(bad))
        .anyMatch(v -> v.contains("request Invoice") && v.contains("Color"))
        .anyMatch(v -> v.contains("lacks Line[0]"))
        .anyMatch(v -> v.contains("response Invoice") && v.contains("lacks SyncToken"));
  }

  @Test
  void the_emulators_accepted_properties_are_exactly_intuits() {
    for (Class<?> type :
        List.of(
            com.intuit.ipp.data.Invoice.class,
            com.intuit.ipp.data.Customer.class,
            com.intuit.ipp.data.Item.class,
            com.intuit.ipp.data.Line.class,
            com.intuit.ipp.data.SalesItemLineDetail.class)) {
      assertThat(IntuitSchema.properties(type.getSimpleName()))
          .as(type.getSimpleName())
          .containsExactlyInAnyOrderElementsOf(IntuitModel.names(type));
    }
  }
}
