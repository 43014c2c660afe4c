package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.stripe.StripeWire.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StripeSandboxInvoiceSeedTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @AutoClose private final StripeWire wire = new StripeWire(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void seeded_invoices_page_newest_first_in_the_cycled_states_without_any_event() {
    Answer seeded =
        wire.post("/_control/invoices/seed", "email=ada%40example.com&name=Ada&count=250");

    assertThat(seeded.status()).as(seeded.text()).isEqualTo(200);
    List<JsonNode> all = listAll();
    assertThat(all).hasSize(250);
    assertThat(all)
        .extracting(i -> i.path("created").asLong())
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(all.getFirst().path("created").asLong()).isEqualTo(NOW.getEpochSecond() - 3600);
    assertThat(all.getLast().path("created").asLong()).isEqualTo(NOW.getEpochSecond() - 250 * 3600);
    assertThat(all)
        .extracting(i -> i.path("status").asString())
        .containsOnly("draft", "open", "paid", "void", "uncollectible");
    assertThat(all.stream().filter(i -> i.path("status").asString().equals("paid")))
        .hasSize(50)
        .allSatisfy(
            i -> {
              assertThat(i.path("amount_paid").asLong()).isEqualTo(10_000);
              assertThat(i.path("amount_remaining").asLong()).isZero();
              assertThat(i.path("customer_email").asString()).isEqualTo("ada@example.com");
              assertThat(i.path("number").asString()).isNotEmpty();
            });
    assertThat(all.stream().filter(i -> i.path("status").asString().equals("draft")))
        .allSatisfy(i -> assertThat(i.path("hosted_invoice_url").isNull()).isTrue());
    assertThat(wire.get("/v1/events?limit=100").body().path("data")).isEmpty();
  }

  @Test
  void a_second_seed_for_the_same_email_reuses_its_customer() {
    JsonNode first = wire.post("/_control/invoices/seed", "email=bo%40example.com&count=2").body();
    JsonNode second =
        wire.post(
                "/_control/invoices/seed",
                "email=bo%40example.com&count=3&statuses[]=paid&interval_seconds=60")
            .body();

    assertThat(second.path("customer").asString()).isEqualTo(first.path("customer").asString());
    assertThat(second.path("invoices")).hasSize(3);
    assertThat(wire.get("/v1/customers?email=bo%40example.com").body().path("data")).hasSize(1);
    assertThat(
            wire.get("/v1/invoices?status=paid&limit=100")
                .body()
                .path("data")
                .valueStream()
                .count())
        .isEqualTo(3);
  }

  @Test
  void a_count_out_of_range_is_refused_naming_the_parameter() {
    Answer refused = wire.post("/_control/invoices/seed", "email=x%40y.z&count=0");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("error").path("param").asString()).isEqualTo("count");
    assertThat(wire.get("/v1/invoices").body().path("data")).isEmpty();
  }

  private List<JsonNode> listAll() {
    List<JsonNode> all = new ArrayList<>();
    String after = "";
    while (true) {
      JsonNode page = wire.get("/v1/invoices?limit=100" + after).body();
      page.path("data").forEach(all::add);
      if (!page.path("has_more").asBoolean()) {
        return all;
      }
      after = "&starting_after=" + all.getLast().path("id").asString();
    }
  }
}
