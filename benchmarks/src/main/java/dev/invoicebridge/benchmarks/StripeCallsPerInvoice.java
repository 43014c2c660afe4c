package dev.invoicebridge.benchmarks;

import dev.invoicebridge.invoicing.stripe.CustomerDetails;
import dev.invoicebridge.invoicing.stripe.InvoiceLine;
import dev.invoicebridge.invoicing.stripe.InvoiceLine.CustomLine;
import dev.invoicebridge.invoicing.stripe.InvoiceLine.PriceLine;
import dev.invoicebridge.invoicing.stripe.InvoiceStatus;
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
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stripe API calls per created invoice (customer lookup, draft, lines, finalize), counted where
 * they arrive: at the Stripe sandbox. Catalog lines and custom lines (every one with a description
 * never billed before), 1 and 20 lines, with an adapter that has served invoices before (warm) and
 * with a fresh adapter per invoice (cold, as after a restart or on another instance). Target: the
 * same small constant for every row.
 */
public final class StripeCallsPerInvoice {
  private static final String KEY = "sk_test_benchmark000000000000";
  private static final List<Integer> SIZES = List.of(1, 20);

  /** Average calls per invoice for one kind of line, one size and one adapter state. */
  public record Row(String lines, int size, String adapter, double callsPerInvoice, long total) {}

  /** The rows, and what the very first invoice on an empty account cost. */
  public record Report(List<Row> rows, long firstInvoiceOnNewAccount) {}

  private StripeCallsPerInvoice() {}

  public static void main(String[] args) {
    Report report = run(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    System.out.println("Stripe API calls per created invoice (counted at the sandbox)");
    System.out.printf(
        "%-34s %6s %8s %18s %8s%n", "lines", "count", "adapter", "calls per invoice", "total");
    report
        .rows()
        .forEach(
            r ->
                System.out.printf(
                    "%-34s %6d %8s %18.2f %8d%n",
                    r.lines(), r.size(), r.adapter(), r.callsPerInvoice(), r.total()));
    System.out.printf(
        "Once per account: the first invoice with a custom line on an empty account took %d calls"
            + " (customer created, custom-line product made on first use).%n",
        report.firstInvoiceOnNewAccount());
    boolean constant = report.rows().stream().map(Row::callsPerInvoice).distinct().count() == 1;
    System.out.println(
        constant
            ? "Target met: the same constant for 1 and 20 lines, catalog and custom, cold and warm."
            : "Target MISSED: calls grow with the number of lines or with new descriptions.");
  }

  /** Creates {@code invoices} invoices per row; returns the counts. */
  public static Report run(int invoices) {
    StripeSandbox sandbox =
        new StripeSandbox(() -> KEY, "acct_1BenchmarkAccount", Clock.systemUTC());
    // Counting calls, not measuring throttling: the test-mode limit would add 429 retries.
    sandbox.rateLimitPerSecond(0);
    try (SandboxServer server =
        SandboxServer.start(0, Map.of("stripe", new StripeSandboxServlet(sandbox)))) {
      URI base = server.baseUri("stripe");
      Supplier<StripeInvoicing> fresh =
          () -> StripeInvoicing.connect(StripeSettings.of(new Secret(KEY), base));
      StripePriceId price = new StripePriceId(sandbox.seedPrice("Consulting hour", "usd", 15_000));
      CustomerDetails who =
          new CustomerDetails("benchmark@example.com", "Benchmark", Optional.empty());
      AtomicInteger names = new AtomicInteger();
      Function<Integer, InvoiceLine> catalog = i -> new PriceLine(price, 2, Optional.empty());
      // Every custom line carries a description no earlier line had.
      Function<Integer, InvoiceLine> custom =
          i -> new CustomLine("Custom task " + names.incrementAndGet(), 1_000 + i, 1);

      long before = sandbox.apiCalls();
      create(fresh.get(), who, lines(custom, 1));
      long first = sandbox.apiCalls() - before;

      StripeInvoicing warm = fresh.get();
      create(warm, who, lines(catalog, 1));
      Measure measure = new Measure(sandbox, who, invoices);
      List<Row> rows = new ArrayList<>();
      for (int size : SIZES) {
        rows.add(measure.row("catalog price", catalog, size, "warm", () -> warm));
        rows.add(measure.row("catalog price", catalog, size, "cold", fresh));
        rows.add(measure.row("custom, new description each", custom, size, "warm", () -> warm));
        rows.add(measure.row("custom, new description each", custom, size, "cold", fresh));
      }
      return new Report(rows, first);
    } finally {
      sandbox.close();
    }
  }

  /** Measures rows on one sandbox for one customer. */
  private record Measure(StripeSandbox sandbox, CustomerDetails who, int invoices) {
    Row row(
        String kind,
        Function<Integer, InvoiceLine> line,
        int size,
        String adapterState,
        Supplier<StripeInvoicing> adapter) {
      long before = sandbox.apiCalls();
      for (int n = 0; n < invoices; n++) {
        StripeInvoice created = create(adapter.get(), who, lines(line, size));
        if (created.status() != InvoiceStatus.OPEN) {
          throw new IllegalStateException("Invoice " + created.id() + " is not open");
        }
      }
      long total = sandbox.apiCalls() - before;
      return new Row(kind, size, adapterState, (double) total / invoices, total);
    }
  }

  private static List<InvoiceLine> lines(Function<Integer, InvoiceLine> line, int size) {
    List<InvoiceLine> lines = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      lines.add(line.apply(i));
    }
    return lines;
  }

  /** The create flow the invoicing service runs: customer, draft with lines, finalize. */
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
