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
import tools.jackson.databind.JsonNode;

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
  void custom_lines_share_one_product_and_keep_their_own_descriptions() {
    List<InvoiceLine> lines =
        IntStream.range(0, 5)
            .mapToObj(i -> (InvoiceLine) new CustomLine("Task " + i, 100, 1))
            .toList();
    StripeInvoice first = stripe.invoices().create(newInvoice(), lines);
    // A fresh adapter (another instance) bills other descriptions under the same product.
    StripeInvoice second =
        rig.invoicing()
            .invoices()
            .create(newInvoice(), List.of(new CustomLine("Something else", 900, 2)));

    List<JsonNode> products = SandboxHttp.list(rig, "/v1/products?limit=100");
    assertThat(products)
        .filteredOn(p -> p.at("/metadata/invoicebridge").isString())
        .extracting(p -> p.get("id").asString())
        .containsExactly(CustomLineProduct.ID.value());
    assertThat(products)
        .extracting(p -> p.get("name").asString())
        .doesNotContain("Task 0", "Something else");
    assertThat(descriptions(first))
        .containsExactly("Task 0", "Task 1", "Task 2", "Task 3", "Task 4");
    assertThat(descriptions(second)).containsExactly("Something else");
    assertThat(second.amounts().total()).isEqualTo(1_800);
  }

  @Test
  void an_archived_custom_line_product_is_revived_and_the_lines_still_go_in() {
    stripe.invoices().create(newInvoice(), List.of(new CustomLine("Before", 100, 1)));
    SandboxHttp.post(rig, "/v1/products/" + CustomLineProduct.ID.value(), "active=false", null);

    StripeInvoice after =
        stripe.invoices().create(newInvoice(), List.of(new CustomLine("After", 300, 1)));

    assertThat(after.amounts().total()).isEqualTo(300);
    assertThat(descriptions(after)).containsExactly("After");
    assertThat(
            SandboxHttp.get(rig, "/v1/products/" + CustomLineProduct.ID.value())
                .body()
                .get("active")
                .asBoolean())
        .isTrue();
  }

  @Test
  void a_deleted_custom_line_product_is_made_again_though_its_first_key_would_replay() {
    stripe.invoices().create(newInvoice(), List.of(new CustomLine("Before", 100, 1)));
    SandboxHttp.Answer deleted =
        SandboxHttp.send(
            rig,
            SandboxHttp.request(rig, "/v1/products/" + CustomLineProduct.ID.value()).DELETE(),
            StripeSandboxRig.SECRET_KEY);

    StripeInvoice after =
        rig.invoicing().invoices().create(newInvoice(), List.of(new CustomLine("After", 300, 1)));

    assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
    assertThat(descriptions(after)).containsExactly("After");
    assertThat(SandboxHttp.get(rig, "/v1/products/" + CustomLineProduct.ID.value()).status())
        .isEqualTo(200);
  }

  @Test
  void the_catalog_leaves_out_the_custom_line_product() {
    stripe.invoices().create(newInvoice(), List.of(new CustomLine("Hidden", 100, 1)));

    assertThat(stripe.catalog().activeProducts(Optional.empty(), 100).items())
        .extracting(p -> p.id())
        .doesNotContain(CustomLineProduct.ID);
    assertThat(stripe.catalog().activePrices(Optional.empty(), 100).items())
        .extracting(CatalogPrice::product)
        .doesNotContain(CustomLineProduct.ID);
    assertThat(stripe.catalog().search(CustomLineProduct.NAME, 10)).isEmpty();
  }

  @Test
  void repeated_transitions_return_the_invoice_and_forbidden_ones_are_state_conflicts() {
    StripeInvoice paid = finalizedInvoice();
    StripeInvoice voided = finalizedInvoice();
    StripeInvoice draft =
        stripe.invoices().create(newInvoice(), List.of(new CustomLine("Draft", 100, 1)));
    stripe.invoices().markPaidOutOfBand(paid.id());
    stripe.invoices().voidInvoice(voided.id());

    // The sandbox refuses these as Stripe does, with a 400 and no code to go by.
    assertThat(stripe.invoices().markPaidOutOfBand(paid.id()).status())
        .isEqualTo(InvoiceStatus.PAID);
    assertThat(stripe.invoices().voidInvoice(voided.id()).status()).isEqualTo(InvoiceStatus.VOID);
    assertThatThrownBy(() -> stripe.invoices().send(draft.id()))
        .isInstanceOf(StripeFailure.StateConflict.class)
        .hasMessageContaining("draft");
    assertThatThrownBy(() -> stripe.invoices().markUncollectible(paid.id()))
        .isInstanceOfSatisfying(
            StripeFailure.StateConflict.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.requestId()).hasValueSatisfying(r -> assertThat(r).startsWith("req_"));
            });
    assertThatThrownBy(() -> stripe.invoices().finalizeInvoice(voided.id()))
        .isInstanceOf(StripeFailure.StateConflict.class);
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

  /** The descriptions of an invoice's lines, as Stripe shows them. */
  private static List<String> descriptions(StripeInvoice invoice) {
    return SandboxHttp.list(rig, "/v1/invoices/" + invoice.id() + "/lines?limit=100").stream()
        .map(l -> l.get("description").asString())
        .toList();
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
