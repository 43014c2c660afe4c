package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.stripe.StripeWire.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class StripeSandboxControlTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @AutoClose private final StripeWire wire = new StripeWire(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void control_marks_an_open_invoice_paid_and_records_a_failed_payment_first() {
    String invoice = wire.openInvoice();

    assertThat(wire.post("/_control/invoices/" + invoice + "/payment_failed", "").status())
        .isEqualTo(200);
    assertThat(wire.post("/_control/invoices/" + invoice + "/mark_paid", "").status())
        .isEqualTo(200);

    String body = wire.get("/v1/invoices/" + invoice).text();
    assertThat(body)
        .contains(
            "\"status\":\"paid\"", "\"attempt_count\":1", "\"paid_at\":" + NOW.getEpochSecond());
    assertThat(wire.get("/v1/events?type=invoice.payment_failed").text()).contains(invoice);
    assertThat(wire.get("/v1/events?types[]=invoice.paid&types[]=invoice.finalized").text())
        .contains("invoice.paid", "invoice.finalized");
  }

  @Test
  void the_rate_limit_answers_429_in_the_same_second_of_the_clock() {
    wire.post("/_control/rate_limit", "per_second=2");

    assertThat(wire.get("/v1/customers").status()).isEqualTo(200);
    assertThat(wire.get("/v1/customers").status()).isEqualTo(200);
    Answer limited = wire.get("/v1/customers");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.text()).contains("\"code\":\"rate_limit\"");
    // Writes have their own budget.
    assertThat(wire.post("/v1/customers", "email=w%40x.example").status()).isEqualTo(200);
  }

  @Test
  void injected_faults_hit_the_next_calls_only_and_calls_are_counted() {
    wire.post("/_control/faults", "kind=server_error&count=1");
    long before = wire.sandbox().apiCalls();

    assertThat(wire.get("/v1/customers").status()).isEqualTo(500);
    assertThat(wire.get("/v1/customers").status()).isEqualTo(200);
    assertThat(wire.sandbox().apiCalls() - before).isEqualTo(2);
  }

  @Test
  void invalid_transitions_answer_400_and_drafts_cannot_be_sent() {
    String draft = wire.draft();

    Answer send = wire.post("/v1/invoices/" + draft + "/send", "");
    Answer voided = wire.post("/v1/invoices/" + draft + "/void", "");

    assertThat(send.status()).isEqualTo(400);
    assertThat(voided.status()).isEqualTo(400);
    // Invalid transitions: 400 invalid_request_error without a code (reference sheet, section 14).
    assertThat(voided.text())
        .contains("\"type\":\"invalid_request_error\"")
        .doesNotContain("\"code\"");
  }

  @Test
  void control_endpoints_need_the_secret_key() {
    Answer r = wire.get("/_control/stats", "sk_test_other");

    assertThat(r.status()).isEqualTo(401);
  }
}
