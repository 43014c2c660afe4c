package dev.invoicebridge.benchmarks;

import java.util.List;
import java.util.Locale;

/** The printed report of {@link WebhookIngest}. */
final class IngestReport {
  private static final double TARGET_P99_MILLIS = 10;

  private IngestReport() {}

  static String render(WebhookIngest.Settings s, List<WebhookIngest.Run> runs) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            """
            Webhook ingest on loopback: POST /webhooks/stripe/{workspace} (verify + store + ack)
            beside a bare endpoint of the same shape on the same server; open loop at %d/s,
            %d s measured after %d s warm-up each, latency from the intended send time.
            "alone": the processing jobs paused (the endpoint's own cost); the next row with
            them running, as in production.
            %d CPUs, %s.
            """,
            s.rate(),
            s.measure().toSeconds(),
            s.warmUp().toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            loadAverage()));
    for (WebhookIngest.Run run : runs) {
      out.append("\nDatabase: ").append(run.database()).append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              "  %-26s %6s %6s %7s %9s %8s %8s %8s %8s%n",
              "",
              "sent",
              "ok",
              "failed",
              "per sec",
              "p50 ms",
              "p90 ms",
              "p99 ms",
              "max ms"));
      out.append(row("bare 200 endpoint", run.bare()));
      out.append(row("verify+store+ack alone", run.ingestAlone()));
      out.append(row("verify+store+ack", run.ingest()));
      double p99 = run.ingest().percentileMillis(99);
      out.append(
          String.format(
              Locale.ROOT,
              "  target p99 <= %.0f ms at %d events/s: %s (p99 %.2f ms, throughput %.1f/s)%n",
              TARGET_P99_MILLIS,
              s.rate(),
              p99 <= TARGET_P99_MILLIS && run.ingest().failed() == 0 ? "met" : "MISSED",
              p99,
              run.ingest().throughput()));
      IngestProcessing p = run.processing();
      out.append(
          String.format(
              Locale.ROOT,
              "  processing jobs: ON (db-scheduler, 4 threads, immediate execution);"
                  + " %d events stored, %d applied during the phase, the rest %s;%n"
                  + "  %d Stripe calls for them (limit 25 reads/s), %d covered by a later read%n",
              p.stored(),
              p.appliedDuringPhase(),
              p.drainedAfterPhase()
                  .map(d -> String.format(Locale.ROOT, "within %.1f s after", d.toMillis() / 1e3))
                  .orElse("NOT applied within 3 minutes after"),
              p.stripeCalls(),
              p.coveredByLaterRead()));
    }
    return out.toString();
  }

  private static String row(String name, OpenLoop.Result r) {
    return String.format(
        Locale.ROOT,
        "  %-26s %6d %6d %7d %9.1f %8.2f %8.2f %8.2f %8.2f%n",
        name,
        r.sent(),
        r.ok(),
        r.failed(),
        r.throughput(),
        r.percentileMillis(50),
        r.percentileMillis(90),
        r.percentileMillis(99),
        r.percentileMillis(100));
  }

  private static String loadAverage() {
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0
        ? "load average unknown"
        : String.format(Locale.ROOT, "load average %.1f at the end", load);
  }
}
