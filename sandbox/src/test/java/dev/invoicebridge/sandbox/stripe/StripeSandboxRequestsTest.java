package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.stripe.StripeWire.Answer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * How the Stripe sandbox refuses requests: unknown parameters by name, forbidden transitions in
 * Stripe's terms, and a refused call leaves nothing behind (no line, object or event), so a retry
 * does not apply anything twice.
 */
class StripeSandboxRequestsTest {
  @AutoClose private final StripeWire wire = new StripeWire();

  @Test
  void a_misspelt_parameter_is_refused_like_stripe_and_creates_nothing() {
    Answer refused =
        wire.post("/v1/customers", "emial=typo%40example.com", "key-typo", StripeWire.KEY);
    Answer retried =
        wire.post("/v1/customers", "email=typo%40example.com", "key-typo", StripeWire.KEY);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/error/type").asString()).isEqualTo("invalid_request_error");
    assertThat(refused.body().at("/error/message").asString())
        .isEqualTo("Received unknown parameter: emial");
    assertThat(refused.body().at("/error/param").asString()).isEqualTo("emial");
    // Refused before it ran: the key was not spent, so the corrected retry runs.
    assertThat(retried.status()).isEqualTo(200);
    assertThat(wire.get("/v1/customers?limit=100").body().path("data")).hasSize(1);
  }

  @Test
  void unknown_nested_and_retired_parameters_are_named_by_their_full_path() {
    String invoice = wire.draft();
    String product = wire.post("/v1/products", "name=Widget").id();

    Answer nested =
        wire.post(
            "/v1/invoices/" + invoice + "/add_lines",
            "lines[0][price_data][currency]=usd&lines[0][price_data][product]="
                + product
                + "&lines[0][price_data][unit_ammount]=500");
    Answer retired =
        wire.post("/v1/invoiceitems", "invoice=" + invoice + "&price=price_123&quantity=1");
    Answer listing = wire.get("/v1/invoices?limt=3");

    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.body().at("/error/param").asString())
        .isEqualTo("lines[0][price_data][unit_ammount]");
    assertThat(retired.body().at("/error/message").asString())
        .isEqualTo("Received unknown parameter: price");
    assertThat(listing.status()).isEqualTo(400);
    assertThat(listing.body().at("/error/param").asString()).isEqualTo("limt");
    assertThat(wire.get("/v1/invoices/" + invoice).body().path("total").asLong()).isZero();
  }

  @Test
  void add_lines_with_one_bad_line_adds_none_and_emits_nothing() {
    String invoice = wire.draft();
    String price = wire.sandbox().seedPrice("Seat", "usd", 1_000);
    long eventsBefore = count("/v1/events?limit=100");
    String form =
        "lines[0][pricing][price]="
            + price
            + "&lines[0][quantity]=2"
            + "&lines[1][amount]=300&lines[1][description]=Fee"
            + "&lines[2][pricing][price]=price_doesnotexist";

    Answer refused =
        wire.post("/v1/invoices/" + invoice + "/add_lines", form, "lines-1", StripeWire.KEY);
    Answer replayed =
        wire.post("/v1/invoices/" + invoice + "/add_lines", form, "lines-1", StripeWire.KEY);

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.body().at("/error/param").asString()).isEqualTo("lines[2][pricing][price]");
    // Stripe stores an error once the call ran: the same request gets the same answer, and
    // still nothing is added.
    assertThat(replayed.status()).isEqualTo(404);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    JsonAssert invoiceNow = new JsonAssert(wire.get("/v1/invoices/" + invoice));
    invoiceNow.hasLong("/total", 0).hasSize("/lines/data", 0);
    assertThat(count("/v1/invoiceitems?limit=100&invoice=" + invoice)).isZero();
    assertThat(count("/v1/events?limit=100")).isEqualTo(eventsBefore);
  }

  @Test
  void a_bad_line_refused_before_execution_leaves_the_key_free_and_the_retry_adds_once() {
    String invoice = wire.draft();
    String bad = "lines[0][amount]=500&lines[0][description]=A&lines[1][amount]=x";
    String good = "lines[0][amount]=500&lines[0][description]=A&lines[1][amount]=700";

    Answer refused = wire.post("/v1/invoices/" + invoice + "/add_lines", bad, "k2", StripeWire.KEY);
    Answer added = wire.post("/v1/invoices/" + invoice + "/add_lines", good, "k2", StripeWire.KEY);
    Answer again = wire.post("/v1/invoices/" + invoice + "/add_lines", good, "k2", StripeWire.KEY);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/error/param").asString()).isEqualTo("lines[1][amount]");
    assertThat(added.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    new JsonAssert(wire.get("/v1/invoices/" + invoice))
        .hasLong("/total", 1_200)
        .hasSize("/lines/data", 2);
  }

  @Test
  void a_failure_half_way_through_any_handler_leaves_no_partial_object() {
    String open = wire.openInvoice();

    Answer product = wire.post("/v1/products", "name=Half&default_price_data[currency]=usd");
    Answer update = wire.post("/v1/invoices/" + open, "metadata[kept]=no&footer=Late footer");

    assertThat(product.status()).isEqualTo(400);
    assertThat(product.body().at("/error/param").asString())
        .isEqualTo("default_price_data[unit_amount]");
    assertThat(wire.get("/v1/products?limit=100").body().path("data")).isEmpty();
    assertThat(update.status()).isEqualTo(400);
    assertThat(wire.get("/v1/invoices/" + open).body().path("metadata").has("kept")).isFalse();
  }

  @Test
  void forbidden_transitions_answer_400_without_a_code_in_stripes_words() {
    String open = wire.openInvoice();
    String paid = wire.openInvoice();
    wire.post("/v1/invoices/" + paid + "/pay", "paid_out_of_band=true");
    wire.post("/v1/invoices/" + open + "/void", "");

    Answer refinalize = wire.post("/v1/invoices/" + paid + "/finalize", "");
    Answer payVoid = wire.post("/v1/invoices/" + open + "/pay", "paid_out_of_band=true");
    Answer payPaid = wire.post("/v1/invoices/" + paid + "/pay", "paid_out_of_band=true");

    for (Answer a : new Answer[] {refinalize, payVoid, payPaid}) {
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.body().at("/error/type").asString()).isEqualTo("invalid_request_error");
      assertThat(a.body().path("error").has("code")).isFalse();
    }
    assertThat(refinalize.body().at("/error/message").asString())
        .isEqualTo("This invoice is already finalized, you can't re-finalize a non-draft invoice.");
    assertThat(payVoid.body().at("/error/message").asString())
        .isEqualTo("Voided invoices cannot be paid.");
    assertThat(payPaid.body().at("/error/message").asString())
        .isEqualTo("Invoice is already paid.");
  }

  @Test
  void a_price_for_an_archived_product_is_refused_and_a_deleted_customer_reads_as_deleted() {
    String invoice = wire.draft();
    String product = wire.post("/v1/products", "name=Old").id();
    wire.post("/v1/products/" + product, "active=false");
    String customer = wire.post("/v1/customers", "email=gone%40example.com").id();

    Answer archived =
        wire.post(
            "/v1/invoices/" + invoice + "/add_lines",
            "lines[0][price_data][currency]=usd&lines[0][price_data][product]="
                + product
                + "&lines[0][price_data][unit_amount]=100");
    Answer deleted = wire.delete("/v1/customers/" + customer);

    assertThat(archived.status()).isEqualTo(400);
    assertThat(archived.body().at("/error/param").asString())
        .isEqualTo("lines[0][price_data][product]");
    assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
    Answer read = wire.get("/v1/customers/" + customer);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().path("deleted").asBoolean()).isTrue();
    assertThat(wire.get("/v1/customers?email=gone%40example.com").body().path("data")).isEmpty();
  }

  private long count(String path) {
    return wire.get(path).body().path("data").size();
  }

  /** Small JSON checks on an answer. */
  private record JsonAssert(Answer answer) {
    JsonAssert hasLong(String pointer, long value) {
      assertThat(answer.body().at(pointer).asLong()).as(pointer).isEqualTo(value);
      return this;
    }

    JsonAssert hasSize(String pointer, int size) {
      assertThat(answer.body().at(pointer).size()).as(pointer).isEqualTo(size);
      return this;
    }
  }
}
