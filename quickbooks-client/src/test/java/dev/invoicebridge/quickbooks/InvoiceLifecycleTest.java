package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InvoiceLifecycleTest {
  static QuickBooksSandboxFixture qbo;
  static HttpQuickBooksClient client;
  static Customer customer;
  static Item item;

  @BeforeAll
  static void start() {
    qbo = new QuickBooksSandboxFixture();
    client = qbo.connectedClient();
    customer =
        client.findOrCreateCustomer(
            new NewCustomer("Lifecycle Ltd", null, "ap@lifecycle.example", null));
    item = client.findOrCreateServiceItem("Hours");
  }

  @AfterAll
  static void stop() {
    qbo.close();
  }

  static NewInvoice twoLines(String docNumber) {
    return new NewInvoice(
        customer.id(),
        List.of(
            InvoiceLine.of(item.id(), "Design", new BigDecimal("2"), new BigDecimal("150.00")),
            InvoiceLine.of(item.id(), "Review", new BigDecimal("1.5"), new BigDecimal("99.99"))),
        "billing@lifecycle.example",
        "USD",
        LocalDate.of(2026, 3, 31),
        "Thank you for your business!",
        docNumber,
        "attio:rec_1");
  }

  @Test
  void a_created_invoice_has_derived_totals_and_reads_back_the_same() {
    Invoice created = client.createInvoice(twoLines("ATT-1"), "attio-rec_1-create-1");

    assertThat(created.amounts().totalAmt()).isEqualByComparingTo("449.99");
    assertThat(created.amounts().balance()).isEqualByComparingTo("449.99");
    assertThat(created.amounts().currency()).isEqualTo("USD");
    assertThat(created.docNumber()).isEqualTo("ATT-1");
    assertThat(created.details().billEmail()).isEqualTo("billing@lifecycle.example");
    assertThat(created.details().dueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(created.details().customerMemo()).isEqualTo("Thank you for your business!");
    assertThat(created.syncToken()).isEqualTo("0");
    assertThat(created.lines()).hasSize(2);
    assertThat(client.invoice(created.id())).isEqualTo(created);
  }

  @Test
  void the_same_idempotency_key_returns_the_first_invoice_instead_of_a_second() {
    Invoice first = client.createInvoice(twoLines(null), "attio-rec_2-create-1");
    Invoice again = client.createInvoice(twoLines(null), "attio-rec_2-create-1");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(client.queryInvoices("DocNumber = '" + first.docNumber() + "'")).hasSize(1);
  }

  @Test
  void a_sparse_update_changes_only_what_it_names_and_bumps_the_sync_token() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_3-create-1");

    Invoice updated =
        client.updateInvoice(
            created.id(),
            created.syncToken(),
            new InvoicePatch(LocalDate.of(2026, 4, 30), "New memo", null, null, null));

    assertThat(updated.syncToken()).isEqualTo("1");
    assertThat(updated.details().dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(updated.details().customerMemo()).isEqualTo("New memo");
    assertThat(updated.details().billEmail()).isEqualTo(created.details().billEmail());
    assertThat(updated.amounts().totalAmt()).isEqualByComparingTo(created.amounts().totalAmt());
  }

  @Test
  void replacing_lines_recomputes_the_total() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_4-create-1");
    InvoiceLine kept = created.lines().getFirst();

    Invoice updated =
        client.updateInvoice(
            created.id(),
            created.syncToken(),
            new InvoicePatch(
                null,
                null,
                null,
                null,
                List.of(
                    new InvoiceLine(
                        kept.id(),
                        kept.itemId(),
                        "Design",
                        new BigDecimal("3"),
                        kept.unitPrice()))));

    assertThat(updated.lines()).hasSize(1);
    assertThat(updated.amounts().totalAmt()).isEqualByComparingTo("450.00");
  }

  @Test
  void a_stale_sync_token_is_reread_and_the_field_update_retried() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_5-create-1");
    client.updateInvoice(
        created.id(),
        created.syncToken(),
        new InvoicePatch(null, null, null, "someone else", null));

    Invoice updated =
        client.updateInvoice(
            created.id(), created.syncToken(), new InvoicePatch(null, "ours", null, null, null));

    assertThat(updated.syncToken()).isEqualTo("2");
    assertThat(updated.details().customerMemo()).isEqualTo("ours");
    assertThat(updated.details().privateNote()).isEqualTo("someone else");
  }

  @Test
  void a_stale_sync_token_on_a_line_replacement_surfaces_instead_of_overwriting() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_6-create-1");
    client.updateInvoice(
        created.id(), created.syncToken(), new InvoicePatch(null, "first", null, null, null));

    assertThatThrownBy(
            () ->
                client.updateInvoice(
                    created.id(),
                    created.syncToken(),
                    new InvoicePatch(null, null, null, null, created.lines())))
        .isInstanceOf(QuickBooksException.StaleObject.class)
        .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("5010"));
  }

  @Test
  void void_zeroes_the_amounts_and_notes_it() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_7-create-1");

    Invoice voided = client.voidInvoice(created.id(), created.syncToken());

    assertThat(voided.voided()).isTrue();
    assertThat(voided.amounts().totalAmt()).isZero();
    assertThat(voided.details().privateNote()).startsWith("Voided");
    assertThat(voided.lines()).allSatisfy(l -> assertThat(l.quantity()).isZero());
  }

  @Test
  void void_with_a_stale_token_still_voids() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_8-create-1");
    client.updateInvoice(
        created.id(), created.syncToken(), new InvoicePatch(null, "moved on", null, null, null));

    assertThat(client.voidInvoice(created.id(), created.syncToken()).voided()).isTrue();
  }

  @Test
  void send_marks_the_invoice_emailed_to_the_given_address() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_9-create-1");

    Invoice sent =
        client.sendInvoice(created.id(), created.syncToken(), "finance@lifecycle.example");

    assertThat(sent.details().emailStatus()).isEqualTo("EmailSent");
    assertThat(sent.details().billEmail()).isEqualTo("finance@lifecycle.example");
  }

  @Test
  void the_pdf_is_a_pdf_of_that_invoice() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_10-create-1");

    byte[] pdf = client.invoicePdf(created.id());

    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(text)
        .startsWith("%PDF-1.4")
        .contains("Invoice " + created.docNumber())
        .endsWith("%%EOF\n");
  }

  @Test
  void a_deleted_invoice_is_not_found_afterwards() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_11-create-1");

    client.deleteInvoice(created.id(), created.syncToken());

    assertThatThrownBy(() -> client.invoice(created.id()))
        .isInstanceOf(QuickBooksException.NotFound.class)
        .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("610"));
  }

  @Test
  void a_payment_recorded_in_the_sandbox_lowers_the_balance_until_paid() {
    Invoice created = client.createInvoice(twoLines(null), "attio-rec_12-create-1");
    String path = "/companies/" + QuickBooksSandboxFixture.REALM + "/payments";

    qbo.control("POST", path, "{\"invoiceId\":\"" + created.id() + "\",\"amount\":100}");
    assertThat(client.invoice(created.id()).amounts().balance()).isEqualByComparingTo("349.99");
    qbo.control("POST", path, "{\"invoiceId\":\"" + created.id() + "\",\"amount\":349.99}");

    assertThat(client.invoice(created.id()).paid()).isTrue();
  }

  @Test
  void a_duplicate_doc_number_is_rejected_with_6140() {
    client.createInvoice(twoLines("DUP-1"), "attio-rec_13-create-1");

    assertThatThrownBy(() -> client.createInvoice(twoLines("DUP-1"), "attio-rec_14-create-1"))
        .isInstanceOf(QuickBooksException.Validation.class)
        .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("6140"));
  }

  @Test
  void queries_page_through_every_match() {
    Customer paged =
        client.findOrCreateCustomer(new NewCustomer("Paged Inc", null, "p@paged.example", null));
    for (int i = 0; i < 5; i++) {
      client.createInvoice(
          QuickBooksSandboxFixture.oneLine(paged.id(), item.id(), "x"), "paged-" + i);
    }
    HttpQuickBooksClient smallPages =
        qbo.client(
            qbo.connectedTokens(new dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore()),
            qbo.options().withQueryPageSize(2));

    assertThat(smallPages.queryInvoices("CustomerRef = '" + paged.id() + "'")).hasSize(5);
  }
}
