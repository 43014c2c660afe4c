package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.sandbox.quickbooks.CallLog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every call puts on the wire, as the emulator recorded it. */
class WireConventionsTest {
  QuickBooksSandboxFixture qbo;
  HttpQuickBooksClient client;

  @BeforeEach
  void start() {
    qbo = new QuickBooksSandboxFixture();
    client = qbo.connectedClient();
  }

  @AfterEach
  void stop() {
    qbo.close();
  }

  @Test
  void every_operation_sends_minorversion_75_and_every_write_a_requestid() {
    client.companyInfo();
    client.preferences();
    client.findCustomerByEmail("nobody@wire.example");
    client.findCustomerByDisplayName("Nobody");
    Customer existing = client.createCustomer(new NewCustomer("Wire Co", null, null, null));
    Customer customer =
        client.findOrCreateCustomer(new NewCustomer("Wire Two", null, "two@wire.example", null));
    Item item = client.findOrCreateServiceItem("Wire work");
    NewInvoice draft =
        new NewInvoice(
            customer.id(),
            List.of(InvoiceLine.of(item.id(), "w", BigDecimal.ONE, BigDecimal.TEN)),
            "ap@wire.example",
            null,
            LocalDate.of(2026, 4, 1),
            null,
            null,
            null);
    Invoice invoice = client.createInvoice(draft, "wire-1");
    client.invoice(invoice.id());
    Invoice updated =
        client.updateInvoice(
            invoice.id(), invoice.syncToken(), new InvoicePatch(null, "m", null, null, null));
    Invoice sent = client.sendInvoice(updated.id(), updated.syncToken(), null);
    client.invoicePdf(sent.id());
    client.voidInvoice(sent.id(), sent.syncToken());
    Invoice doomed = client.createInvoice(draft, "wire-2");
    client.deleteInvoice(doomed.id(), doomed.syncToken());
    client.queryInvoices("CustomerRef = '" + existing.id() + "'");
    client.invoiceChangesSince(OffsetDateTime.now(qbo.clock).minusHours(1));
    client.invoiceChangesSince(OffsetDateTime.now(qbo.clock).minusDays(40));

    List<CallLog.Call> calls = qbo.sandbox.calls().calls();
    assertThat(calls)
        .extracting(c -> c.method() + " " + c.path().replaceAll(".*/v3/company/\\d+/", ""))
        .contains(
            "GET companyinfo/" + QuickBooksSandboxFixture.REALM,
            "GET preferences",
            "GET query",
            "POST customer",
            "POST item",
            "POST invoice",
            "GET invoice/" + invoice.id(),
            "POST invoice/" + invoice.id() + "/send",
            "GET invoice/" + invoice.id() + "/pdf",
            "GET cdc");
    assertThat(calls).allSatisfy(c -> assertThat(c.query()).containsEntry("minorversion", "75"));
    assertThat(calls)
        .filteredOn(c -> c.method().equals("POST"))
        .hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(
            c ->
                assertThat(c.query().get("requestid"))
                    .as(c.path())
                    .isNotBlank()
                    .hasSizeLessThan(51));
  }

  @Test
  void a_send_retried_with_the_same_sync_token_is_answered_not_sent_again() {
    Customer customer =
        client.findOrCreateCustomer(new NewCustomer("Send Co", null, "s@send.example", null));
    Item item = client.findOrCreateServiceItem("Send work");
    Invoice invoice =
        client.createInvoice(
            QuickBooksSandboxFixture.oneLine(customer.id(), item.id(), null), "send-1");

    Invoice first = client.sendInvoice(invoice.id(), invoice.syncToken(), null);
    qbo.clock.advance(Duration.ofMinutes(5));
    Invoice retried = client.sendInvoice(invoice.id(), invoice.syncToken(), null);
    Invoice resent = client.sendInvoice(invoice.id(), first.syncToken(), null);

    assertThat(retried.syncToken()).isEqualTo(first.syncToken());
    assertThat(resent.syncToken()).isNotEqualTo(first.syncToken());
  }

  @Test
  void a_foreign_currency_invoice_carries_its_exchange_rate_and_without_one_is_refused() {
    qbo.seed("preferences", "{\"multiCurrencyEnabled\":true}");
    Customer euro = client.createCustomer(new NewCustomer("Euro SARL", null, null, "EUR"));
    Item item = client.findOrCreateServiceItem("Euro work");
    NewInvoice inEuro =
        new NewInvoice(
            euro.id(),
            List.of(InvoiceLine.of(item.id(), null, BigDecimal.ONE, new BigDecimal("100"))),
            null,
            "EUR",
            null,
            null,
            null,
            null);

    assertThatThrownBy(() -> client.createInvoice(inEuro, "eur-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exchange rate");
    Invoice created =
        client.createInvoice(inEuro.inCurrency("EUR", new BigDecimal("1.08")), "eur-2");

    CallLog.Call create = qbo.sandbox.calls().calls().getLast();
    assertThat(create.requestBody()).contains("\"ExchangeRate\":1.08");
    assertThat(create.responseBody()).contains("\"HomeTotalAmt\":108.00");
    assertThat(created.amounts().currency()).isEqualTo("EUR");
  }
}
