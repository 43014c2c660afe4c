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
    return IntuitModel.read(IntuitModel.write(root.path(name)), type);
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
    client.sendInvoice(other.id(), null);
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
                n -> IntuitModel.read(IntuitModel.write(n), com.intuit.ipp.data.Invoice.class));
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
    int deleted = 0;
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
            com.intuit.ipp.data.Invoice i =
                IntuitModel.read(IntuitModel.write(n), com.intuit.ipp.data.Invoice.class);
            deleted += i.getStatus() == EntityStatusEnum.DELETED ? 1 : 0;
          }
        }
      }
    }
    assertThat(deleted).isEqualTo(1);
  }

  @Test
  void the_clients_request_bodies_are_intuit_entities() {
    IntuitModel.read(
        QboJson.customerBody(new NewCustomer("X", "X Inc", "x@x.example", "USD")).toString(),
        com.intuit.ipp.data.Customer.class);
    IntuitModel.read(
        QboJson.invoiceBody(newInvoice()).toString(), com.intuit.ipp.data.Invoice.class);
    IntuitModel.read(
        QboJson.patchBody(
                invoice.id(),
                "0",
                new InvoicePatch(
                    LocalDate.of(2026, 5, 1), "m", "b@x.example", "n", invoice.lines()))
            .toString(),
        com.intuit.ipp.data.Invoice.class);
    IntuitModel.read(
        QboJson.reference(invoice.id().value(), "0").toString(), com.intuit.ipp.data.Invoice.class);
  }

  @Test
  void the_contract_check_itself_rejects_properties_intuit_does_not_define() {
    assertThatThrownBy(
            () ->
                IntuitModel.read(
                    "{\"Id\":\"1\",\"Status\":\"Paid\"}", com.intuit.ipp.data.Invoice.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Status");
    assertThatThrownBy(
            () ->
                IntuitModel.read(
                    "{\"Line\":[{\"DetailType\":\"SalesItemLine\"}]}",
                    com.intuit.ipp.data.Invoice.class))
        .isInstanceOf(AssertionError.class);
  }
}
