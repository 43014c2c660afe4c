package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.invoicing.stripe.InvoiceLine.CustomLine;
import dev.invoicebridge.invoicing.stripe.InvoiceLine.PriceLine;
import dev.invoicebridge.invoicing.stripe.NewInvoice.CrmLink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StripeInvoicesTest {
  private static StripeSandboxRig rig;
  private static StripeInvoicing stripe;
  private static StripeCustomer customer;

  @BeforeAll
  static void start() {
    rig = new StripeSandboxRig();
    stripe = rig.invoicing();
    customer =
        stripe
            .customers()
            .findOrCreate(
                new CustomerDetails("billing@acme.example", "Acme", Optional.of("rec-acme")));
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void a_twenty_line_invoice_is_created_finalized_sent_and_paid() {
    StripePriceId consulting =
        new StripePriceId(rig.sandbox().seedPrice("Consulting", "usd", 15_000));
    List<InvoiceLine> lines = new ArrayList<>();
    IntStream.range(0, 10).forEach(i -> lines.add(new PriceLine(consulting, 2, Optional.empty())));
    IntStream.range(0, 10)
        .forEach(i -> lines.add(new CustomLine("Travel day " + (i % 2), 5_000, 1)));

    StripeInvoice draft = stripe.invoices().create(newInvoice(), lines);
    StripeInvoice open = stripe.invoices().finalizeInvoice(draft.id());
    StripeInvoice sent = stripe.invoices().send(draft.id());
    StripeInvoice paid = stripe.invoices().markPaidOutOfBand(draft.id());

    assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(draft.amounts().total()).isEqualTo(10 * 30_000 + 10 * 5_000);
    assertThat(SandboxHttp.list(rig, "/v1/invoices/" + draft.id() + "/lines?limit=100"))
        .hasSize(20);
    assertThat(open.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(open.number()).isPresent();
    assertThat(open.hostedUrl()).isPresent();
    assertThat(sent.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.amounts().paid()).isEqualTo(350_000);
    assertThat(paid.amounts().remaining()).isZero();
    assertThat(paid.metadata()).containsEntry("attio_record_id", "rec-1");
  }

  @Test
  void custom_lines_with_one_name_share_one_one_off_product() {
    stripe.invoices().create(newInvoice(), List.of(new CustomLine("Setup fee", 9_900, 1)));
    // A fresh adapter (another instance) must find the same product, not make a second.
    rig.invoicing().invoices().create(newInvoice(), List.of(new CustomLine("Setup fee", 9_900, 2)));

    long named =
        SandboxHttp.list(rig, "/v1/products?limit=100").stream()
            .filter(p -> p.get("name").asString().equals("Setup fee"))
            .count();
    assertThat(named).isEqualTo(1);
  }

  @Test
  void an_open_invoice_can_be_voided_and_then_not_paid() {
    StripeInvoice inv = finalizedInvoice();

    StripeInvoice voided = stripe.invoices().voidInvoice(inv.id());

    assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
    assertThatThrownBy(() -> stripe.invoices().markPaidOutOfBand(inv.id()))
        .isInstanceOf(StripeFailure.StateConflict.class);
  }

  @Test
  void an_uncollectible_invoice_can_still_be_paid_or_voided() {
    StripeInvoice first = finalizedInvoice();
    StripeInvoice second = finalizedInvoice();

    assertThat(stripe.invoices().markUncollectible(first.id()).status())
        .isEqualTo(InvoiceStatus.UNCOLLECTIBLE);
    assertThat(stripe.invoices().markUncollectible(second.id()).status())
        .isEqualTo(InvoiceStatus.UNCOLLECTIBLE);
    assertThat(stripe.invoices().markPaidOutOfBand(first.id()).status())
        .isEqualTo(InvoiceStatus.PAID);
    assertThat(stripe.invoices().voidInvoice(second.id()).status()).isEqualTo(InvoiceStatus.VOID);
  }

  @Test
  void repeating_a_transition_that_already_happened_returns_the_invoice() {
    StripeInvoice inv = finalizedInvoice();

    assertThat(stripe.invoices().finalizeInvoice(inv.id()).status()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void a_draft_can_be_deleted_but_an_open_invoice_cannot() {
    StripeInvoice draft =
        stripe.invoices().create(newInvoice(), List.of(new CustomLine("X", 100, 1)));
    StripeInvoice open = finalizedInvoice();

    stripe.invoices().deleteDraft(draft.id());

    assertThatThrownBy(() -> stripe.invoices().retrieve(draft.id()))
        .isInstanceOf(StripeFailure.NotFound.class);
    assertThatThrownBy(() -> stripe.invoices().deleteDraft(open.id()))
        .isInstanceOf(StripeFailure.StateConflict.class);
  }

  @Test
  void lines_cannot_be_added_once_finalized() {
    StripeInvoice open = finalizedInvoice();

    assertThatThrownBy(
            () -> stripe.invoices().addLines(open, List.of(new CustomLine("Late", 100, 1))))
        .isInstanceOf(StripeFailure.StateConflict.class)
        .hasFieldOrPropertyWithValue("httpStatus", 400);
  }

  @Test
  void creating_twice_with_one_reference_makes_one_invoice() {
    NewInvoice invoice = newInvoice();
    List<InvoiceLine> lines = List.of(new CustomLine("Once", 1_000, 1));

    StripeInvoice first = stripe.invoices().create(invoice, lines);
    StripeInvoice again = stripe.invoices().create(invoice, lines);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.amounts().total()).isEqualTo(1_000);
  }

  private static StripeInvoice finalizedInvoice() {
    StripeInvoice draft =
        stripe.invoices().create(newInvoice(), List.of(new CustomLine("Work", 2_500, 1)));
    return stripe.invoices().finalizeInvoice(draft.id());
  }

  static NewInvoice newInvoice() {
    return new NewInvoice(
        UUID.randomUUID().toString(),
        customer.id(),
        LocalDate.now().plusDays(30),
        "USD",
        Optional.of("Thank you"),
        new CrmLink("ws-1", "deals", "rec-1"));
  }
}
