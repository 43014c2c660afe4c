package dev.invoicebridge.benchmarks;

import dev.invoicebridge.invoicing.stripe.CustomerDetails;
import dev.invoicebridge.invoicing.stripe.InvoiceLine;
import dev.invoicebridge.invoicing.stripe.InvoiceLine.CustomLine;
import dev.invoicebridge.invoicing.stripe.InvoiceLine.PriceLine;
import dev.invoicebridge.invoicing.stripe.NewInvoice;
import dev.invoicebridge.invoicing.stripe.StripeCustomer;
import dev.invoicebridge.invoicing.stripe.StripeInvoice;
import dev.invoicebridge.invoicing.stripe.StripeInvoicing;
import dev.invoicebridge.invoicing.stripe.StripePriceId;
import dev.invoicebridge.invoicing.stripe.StripeSettings;
import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.stripe.StripeSandbox;
import dev.invoicebridge.sandbox.stripe.StripeSandboxServlet;
import dev.invoicebridge.vault.Secret;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Stripe API calls per created invoice (customer lookup, draft, lines, finalize), counted where
 * they arrive: at the Stripe sandbox. Target: the same small constant for 1 and 20 lines.
 */
public final class StripeCallsPerInvoice {
  private static final String KEY = "sk_test_benchmark000000000000";
  private static final List<Integer> SIZES = List.of(1, 20);

  /** Average calls per invoice for one kind of line and one invoice size. */
  public record Row(String lines, int size, double callsPerInvoice, long total) {}

  private StripeCallsPerInvoice() {}

  public static void main(String[] args) {
    List<Row> rows = run(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    System.out.println("Stripe API calls per created invoice (counted at the sandbox)");
    System.out.printf("%-28s %6s %18s %8s%n", "lines", "count", "calls per invoice", "total");
    rows.forEach(
        r ->
            System.out.printf(
                "%-28s %6d %18.2f %8d%n", r.lines(), r.size(), r.callsPerInvoice(), r.total()));
    boolean constant = rows.stream().map(Row::callsPerInvoice).distinct().count() == 1;
    System.out.println(
        constant
            ? "Target met: the same constant for 1 and 20 lines."
            : "Target MISSED: calls grow with the number of lines.");
  }

  /** Creates {@code invoices} invoices per size and line kind; returns the counts. */
  public static List<Row> run(int invoices) {
    StripeSandbox sandbox =
        new StripeSandbox(() -> KEY, "acct_1BenchmarkAccount", Clock.systemUTC());
    // Counting calls, not measuring throttling: the test-mode limit would add 429 retries.
    sandbox.rateLimitPerSecond(0);
    try (SandboxServer server =
        SandboxServer.start(0, Map.of("stripe", new StripeSandboxServlet(sandbox)))) {
      StripeInvoicing stripe =
          StripeInvoicing.connect(StripeSettings.of(new Secret(KEY), server.baseUri("stripe")));
      StripePriceId price = new StripePriceId(sandbox.seedPrice("Consulting hour", "usd", 15_000));
      CustomerDetails who =
          new CustomerDetails("benchmark@example.com", "Benchmark", Optional.empty());
      // Warm-up: the customer and the one-off product exist from then on, as in steady state.
      create(stripe, who, List.of(new CustomLine("Custom work", 1_000, 1)));
      List<Row> rows = new ArrayList<>();
      for (int size : SIZES) {
        rows.add(
            measure(
                sandbox,
                stripe,
                who,
                "catalog price",
                size,
                invoices,
                i -> new PriceLine(price, 2, Optional.empty())));
        rows.add(
            measure(
                sandbox,
                stripe,
                who,
                "custom (one-off product)",
                size,
                invoices,
                i -> new CustomLine("Custom work", 1_000 + i, 1)));
      }
      return rows;
    } finally {
      sandbox.close();
    }
  }

  private static Row measure(
      StripeSandbox sandbox,
      StripeInvoicing stripe,
      CustomerDetails who,
      String kind,
      int size,
      int invoices,
      IntFunction<InvoiceLine> line) {
    List<InvoiceLine> lines = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      lines.add(line.apply(i));
    }
    long before = sandbox.apiCalls();
    for (int n = 0; n < invoices; n++) {
      StripeInvoice created = create(stripe, who, lines);
      if (created.status() != dev.invoicebridge.invoicing.stripe.InvoiceStatus.OPEN) {
        throw new IllegalStateException("Invoice " + created.id() + " is not open");
      }
    }
    long total = sandbox.apiCalls() - before;
    return new Row(kind, size, (double) total / invoices, total);
  }

  /** The create flow issue 5 builds on: customer, draft with lines, finalize. */
  private static StripeInvoice create(
      StripeInvoicing stripe, CustomerDetails who, List<InvoiceLine> lines) {
    StripeCustomer customer = stripe.customers().findOrCreate(who);
    NewInvoice invoice =
        new NewInvoice(
            UUID.randomUUID().toString(),
            customer.id(),
            LocalDate.now().plusDays(30),
            "usd",
            Optional.empty(),
            new NewInvoice.CrmLink("benchmark", "deals", "rec-benchmark"));
    StripeInvoice draft = stripe.invoices().create(invoice, lines);
    return stripe.invoices().finalizeInvoice(draft.id());
  }
}
