package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.invoicebridge.benchmarks.StripeCallsPerInvoice.Row;
import org.junit.jupiter.api.Test;

class StripeCallsPerInvoiceTest {
  @Test
  void every_invoice_costs_four_calls_whatever_its_lines_and_however_fresh_the_adapter() {
    StripeCallsPerInvoice.Report report = StripeCallsPerInvoice.run(2);

    // 1 and 20 lines x catalog and custom (new descriptions) x warm and cold adapters.
    assertThat(report.rows()).hasSize(8);
    assertThat(report.rows())
        .extracting(Row::size, Row::adapter)
        .contains(tuple(20, "cold"), tuple(1, "warm"));
    // Customer lookup, draft, add_lines, finalize.
    assertThat(report.rows()).extracting(Row::callsPerInvoice).containsOnly(4.0);
    // On an empty account the customer and the custom-line product are made once: a refused
    // add_lines, the product and the retried add_lines, plus the customer create.
    assertThat(report.firstInvoiceOnNewAccount()).isEqualTo(7);
  }
}
