package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.invoicebridge.quickbooks.webhook.QuickBooksWebhookSignature;
import dev.invoicebridge.quickbooks.webhook.WebhookBatch;
import dev.invoicebridge.quickbooks.webhook.WebhookEvent;
import dev.invoicebridge.quickbooks.webhook.WebhookOperation;
import dev.invoicebridge.quickbooks.webhook.WebhookPayloads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
  record Delivery(byte[] body, String signature) {}

  QuickBooksSandboxFixture qbo;
  HttpServer receiver;
  BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  java.util.concurrent.atomic.AtomicInteger failuresToAnswer =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    qbo = new QuickBooksSandboxFixture();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/webhooks/quickbooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (failuresToAnswer.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
          }
          deliveries.add(
              new Delivery(body, exchange.getRequestHeaders().getFirst("intuit-signature")));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    qbo.close();
  }

  void subscribe(String format, boolean duplicate, boolean reorder) {
    qbo.control(
        "POST",
        "/webhooks",
        "{\"url\":\"http://127.0.0.1:%d/webhooks/quickbooks\",\"format\":\"%s\",\"duplicate\":%s,\"reorder\":%s}"
            .formatted(receiver.getAddress().getPort(), format, duplicate, reorder));
  }

  Invoice createAndVoidInvoice() {
    HttpQuickBooksClient client = qbo.connectedClient();
    Customer c = client.findOrCreateCustomer(new NewCustomer("Hooked", null, null, null));
    Item item = client.findOrCreateServiceItem("Hook work");
    Invoice invoice =
        client.createInvoice(QuickBooksSandboxFixture.oneLine(c.id(), item.id(), null), "hook-1");
    return client.voidInvoice(invoice.id(), invoice.syncToken());
  }

  List<WebhookEvent> deliverAndVerify() {
    assertThat(qbo.control("POST", "/webhooks/deliver", "{}").path("delivered").asInt())
        .isPositive();
    Delivery d = deliveries.poll();
    assertThat(d).isNotNull();
    WebhookBatch batch =
        WebhookPayloads.verifyAndParse(
            d.body(), d.signature(), QuickBooksSandboxFixture.VERIFIER_TOKEN);
    assertThat(batch.skipped()).isEmpty();
    return batch.events();
  }

  @Test
  void cloudevents_deliveries_verify_and_parse() {
    subscribe("cloudevents", false, false);
    Invoice invoice = createAndVoidInvoice();

    List<WebhookEvent> events = deliverAndVerify();

    List<WebhookEvent> invoiceEvents =
        events.stream().filter(e -> e.entity().equals("Invoice")).toList();
    assertThat(invoiceEvents)
        .extracting(WebhookEvent::operation)
        .containsExactly(WebhookOperation.CREATE, WebhookOperation.VOID);
    assertThat(invoiceEvents)
        .allSatisfy(e -> assertThat(e.entityId()).isEqualTo(invoice.id().value()));
    assertThat(invoiceEvents)
        .allSatisfy(e -> assertThat(e.realmId().value()).isEqualTo(QuickBooksSandboxFixture.REALM));
    assertThat(events).extracting(WebhookEvent::entity).contains("Customer", "Item");
  }

  @Test
  void legacy_deliveries_verify_and_parse_into_the_same_model() {
    subscribe("legacy", false, false);
    Invoice invoice = createAndVoidInvoice();

    List<WebhookEvent> events = deliverAndVerify();

    assertThat(events)
        .filteredOn(e -> e.entity().equals("Invoice"))
        .extracting(WebhookEvent::operation, e -> e.entityId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WebhookOperation.CREATE, invoice.id().value()),
            org.assertj.core.groups.Tuple.tuple(WebhookOperation.VOID, invoice.id().value()));
    assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isNotNull());
  }

  @Test
  void duplicated_and_reordered_deliveries_carry_the_same_event_ids() {
    subscribe("cloudevents", true, true);
    createAndVoidInvoice();

    qbo.control("POST", "/webhooks/deliver", "{}");
    Delivery first = deliveries.poll();
    Delivery second = deliveries.poll();

    List<WebhookEvent> a =
        WebhookPayloads.verifyAndParse(
                first.body(), first.signature(), QuickBooksSandboxFixture.VERIFIER_TOKEN)
            .events();
    List<WebhookEvent> b =
        WebhookPayloads.verifyAndParse(
                second.body(), second.signature(), QuickBooksSandboxFixture.VERIFIER_TOKEN)
            .events();
    assertThat(b)
        .extracting(WebhookEvent::eventId)
        .containsExactlyElementsOf(a.stream().map(WebhookEvent::eventId).toList());
    assertThat(a.getFirst().operation()).as("newest first").isEqualTo(WebhookOperation.VOID);
  }

  @Test
  void a_tampered_body_or_wrong_token_is_rejected() {
    subscribe("cloudevents", false, false);
    createAndVoidInvoice();
    qbo.control("POST", "/webhooks/deliver", "{}");
    Delivery d = deliveries.poll();
    byte[] tampered =
        new String(d.body(), StandardCharsets.UTF_8)
            .replace("voided", "created")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(
            QuickBooksWebhookSignature.isValid(
                d.body(), d.signature(), QuickBooksSandboxFixture.VERIFIER_TOKEN))
        .isTrue();
    assertThat(
            QuickBooksWebhookSignature.isValid(
                tampered, d.signature(), QuickBooksSandboxFixture.VERIFIER_TOKEN))
        .isFalse();
    assertThat(QuickBooksWebhookSignature.isValid(d.body(), d.signature(), "another-token"))
        .isFalse();
    assertThat(
            QuickBooksWebhookSignature.isValid(
                d.body(), "not base64 !", QuickBooksSandboxFixture.VERIFIER_TOKEN))
        .isFalse();
    assertThatThrownBy(
            () ->
                WebhookPayloads.verifyAndParse(
                    tampered, d.signature(), QuickBooksSandboxFixture.VERIFIER_TOKEN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void intuits_documented_samples_parse() {
    String legacy =
        """
        { "eventNotifications": [ { "realmId": "310687", "dataChangeEvent": { "entities": [
          { "name": "Invoice", "id": "1234", "operation": "Update", "lastUpdated": "2025-09-08T20:52:31.657Z" },
          { "name": "Customer", "id": "58", "operation": "Merge", "lastUpdated": "2025-09-08T20:52:31.657Z", "deletedId": "27" } ] } } ] }
        """;
    String cloud =
        """
        [ { "specversion": "1.0", "id": "88cd52aa-33b6-4351-9aa4-47572edbd068", "source": "intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=",
            "type": "qbo.invoice.updated.v1", "datacontenttype": "application/json", "time": "2025-09-10T21:31:25.179851517Z",
            "intuitentityid": "1234", "intuitaccountid": "310687", "data": {} },
          { "specversion": "1.0", "id": "x-Customer-123", "source": "intuit.abc", "type": "qbo.customer.merged.v1",
            "datacontenttype": "application/json", "time": "2025-12-04T15:25:05Z", "intuitentityid": "123",
            "intuitaccountid": "9341455", "data": { "deletedid": "27" } } ]
        """;

    List<WebhookEvent> fromLegacy =
        WebhookPayloads.parse(legacy.getBytes(StandardCharsets.UTF_8)).events();
    List<WebhookEvent> fromCloud =
        WebhookPayloads.parse(cloud.getBytes(StandardCharsets.UTF_8)).events();

    assertThat(fromLegacy.get(1).operation()).isEqualTo(WebhookOperation.MERGE);
    assertThat(fromLegacy.get(1).deletedId()).isEqualTo("27");
    assertThat(fromCloud.getFirst().entity()).isEqualTo("Invoice");
    assertThat(fromCloud.getFirst().operation()).isEqualTo(WebhookOperation.UPDATE);
    assertThat(fromCloud.get(1).deletedId()).isEqualTo("27");
    assertThat(fromLegacy.getFirst().entityId()).isEqualTo(fromCloud.getFirst().entityId());
  }

  @Test
  void an_unacknowledged_delivery_stays_queued_and_is_sent_again() {
    subscribe("legacy", false, false);
    createAndVoidInvoice();
    failuresToAnswer.set(1);

    assertThat(qbo.control("POST", "/webhooks/deliver", "{}").path("delivered").asInt()).isZero();
    assertThat(deliveries).isEmpty();

    assertThat(deliverAndVerify()).isNotEmpty();
  }

  @Test
  void automatic_delivery_sends_right_after_the_change() throws InterruptedException {
    qbo.control(
        "POST",
        "/webhooks",
        "{\"url\":\"http://127.0.0.1:%d/webhooks/quickbooks\",\"format\":\"cloudevents\",\"automatic\":true}"
            .formatted(receiver.getAddress().getPort()));

    createAndVoidInvoice();

    Delivery d = deliveries.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(d).isNotNull();
    assertThat(
            WebhookPayloads.verifyAndParse(
                    d.body(), d.signature(), QuickBooksSandboxFixture.VERIFIER_TOKEN)
                .events())
        .isNotEmpty();
  }

  @Test
  void an_unknown_operation_or_verb_is_skipped_and_reported_while_the_rest_parses() {
    String legacy =
        """
        { "eventNotifications": [ { "realmId": "310687", "dataChangeEvent": { "entities": [
          { "name": "Invoice", "id": "1", "operation": "Archive", "lastUpdated": "2025-09-08T20:52:31.657Z" },
          { "name": "Invoice", "id": "2", "operation": "Update", "lastUpdated": "2025-09-08T20:52:31.657Z" },
          { "name": "Invoice", "operation": "Update", "lastUpdated": "2025-09-08T20:52:31.657Z" } ] } } ] }
        """;
    String cloud =
        """
        [ { "specversion": "1.0", "id": "a", "type": "qbo.invoice.archived.v1", "time": "2025-09-10T21:31:25Z",
            "intuitentityid": "1", "intuitaccountid": "310687", "data": {} },
          { "specversion": "1.0", "id": "b", "type": "com.example.other", "time": "2025-09-10T21:31:25Z",
            "intuitentityid": "1", "intuitaccountid": "310687", "data": {} },
          { "specversion": "1.0", "id": "c", "type": "qbo.invoice.voided.v1", "time": "2025-09-10T21:31:25Z",
            "intuitentityid": "3", "intuitaccountid": "310687", "data": {} } ]
        """;

    WebhookBatch fromLegacy = WebhookPayloads.parse(legacy.getBytes(StandardCharsets.UTF_8));
    WebhookBatch fromCloud = WebhookPayloads.parse(cloud.getBytes(StandardCharsets.UTF_8));

    assertThat(fromLegacy.events()).extracting(WebhookEvent::entityId).containsExactly("2");
    assertThat(fromLegacy.skipped())
        .extracting(WebhookBatch.Skipped::reason)
        .satisfiesExactly(
            r -> assertThat(r).contains("Archive"), r -> assertThat(r).contains("malformed"));
    assertThat(fromCloud.events())
        .extracting(WebhookEvent::operation)
        .containsExactly(WebhookOperation.VOID);
    assertThat(fromCloud.skipped())
        .extracting(WebhookBatch.Skipped::event)
        .satisfiesExactly(
            e -> assertThat(e).contains("archived"), e -> assertThat(e).contains("com.example"));
  }
}
