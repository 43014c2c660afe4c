package dev.invoicebridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StripeCallsPerInvoiceTest {
  @Test
  void one_and_twenty_line_invoices_cost_the_same_number_of_calls() {
    List<StripeCallsPerInvoice.Row> rows = StripeCallsPerInvoice.run(1);

    assertThat(rows).hasSize(4);
    assertThat(rows).extracting(StripeCallsPerInvoice.Row::callsPerInvoice).containsOnly(4.0);
  }
}
