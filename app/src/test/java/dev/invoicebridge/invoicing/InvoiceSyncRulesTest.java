package dev.invoicebridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The monotonic rules that decide whether a re-read invoice replaces the mirrored one. */
class InvoiceSyncRulesTest {
  @Test
  void states_move_forward_only() {
    assertThat(InvoiceSync.newer(invoice("draft", 0), invoice("open", 0))).isTrue();
    assertThat(InvoiceSync.newer(invoice("open", 0), invoice("paid", 500))).isTrue();
    assertThat(InvoiceSync.newer(invoice("open", 0), invoice("uncollectible", 0))).isTrue();
    assertThat(InvoiceSync.newer(invoice("uncollectible", 0), invoice("paid", 500))).isTrue();
    assertThat(InvoiceSync.newer(invoice("open", 0), invoice("draft", 0))).isFalse();
    assertThat(InvoiceSync.newer(invoice("uncollectible", 0), invoice("open", 0))).isFalse();
  }

  @Test
  void paid_and_void_never_change_again() {
    assertThat(InvoiceSync.newer(invoice("paid", 500), invoice("open", 0))).isFalse();
    assertThat(InvoiceSync.newer(invoice("paid", 500), invoice("void", 0))).isFalse();
    assertThat(InvoiceSync.newer(invoice("void", 0), invoice("paid", 500))).isFalse();
    assertThat(InvoiceSync.newer(invoice("void", 0), invoice("open", 0))).isFalse();
  }

  @Test
  void the_same_state_again_is_no_change_and_less_paid_is_an_older_read() {
    assertThat(InvoiceSync.newer(invoice("open", 0), invoice("open", 0))).isFalse();
    assertThat(InvoiceSync.newer(invoice("open", 100), invoice("open", 200))).isTrue();
    assertThat(InvoiceSync.newer(invoice("open", 200), invoice("open", 100))).isFalse();
  }

  private static ProviderInvoice invoice(String status, long paid) {
    return new ProviderInvoice(
        new ProviderInvoiceId("in_1"),
        new ProviderCustomerId("cus_1"),
        status,
        status.equals("draft") ? Optional.empty() : Optional.of("INV-1"),
        "usd",
        new ProviderInvoice.Amounts(500, 500, paid, 500 - paid),
        Optional.empty(),
        Instant.EPOCH,
        Optional.empty());
  }
}
