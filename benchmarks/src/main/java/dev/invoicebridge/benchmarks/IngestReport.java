package dev.invoicebridge.benchmarks;

import java.util.List;
import java.util.Locale;

/** The printed report of {@link WebhookIngest}. */
final class IngestReport {
  private static final double TARGET_P99_MILLIS = 10;

  private IngestReport() {}

  static String render(WebhookIngest.Settings s, double loadBefore, List<WebhookIngest.Run> runs) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            """
            Webhook ingest on loopback: POST /webhooks/stripe/{workspace} (verify, store in the
            inbox, ack) beside a bare endpoint of the same shape on the same server.
            The service, the Stripe and Attio emulators and this sender are separate processes.
            Open loop at %d/s, %d s measured after %d s warm-up each, latency from the intended
            send time. "alone": the inbox drain paused (the endpoint's own cost); the next row
            with it applying the events, as in production. CPU and GC are the service process's during the
            phase; load is the machine's 1-minute load average at the phase's end. "lag p99":
            how late this sender's own thread started a request (its part of the latency).
            %d CPUs, load average %s before the run.
            """,
            s.rate(),
            s.measure().toSeconds(),
            s.warmUp().toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            load(loadBefore)));
    for (WebhookIngest.Run run : runs) {
      out.append("\nDatabase: ").append(run.database()).append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              "  %-24s %6s %6s %6s %7s %7s %7s %7s %8s %8s %8s %10s %5s%n",
              "",
              "sent",
              "ok",
              "failed",
              "per s",
              "p50 ms",
              "p90 ms",
              "p99 ms",
              "max ms",
              "lag p99",
              "CPU/req",
              "GC pauses",
              "load"));
      out.append(row("bare 200 endpoint", run.bare()));
      out.append(row("verify+store+ack alone", run.ingestAlone()));
      out.append(row("verify+store+ack", run.ingest()));
      OpenLoop.Result ingest = run.ingest().requests();
      double p99 = ingest.percentileMillis(99);
      out.append(
          String.format(
              Locale.ROOT,
              "  target p99 <= %.0f ms at %d events/s with the events applied meanwhile: %s"
                  + " (p99 %.2f ms, throughput %.1f/s)%n",
              TARGET_P99_MILLIS,
              s.rate(),
              p99 <= TARGET_P99_MILLIS && ingest.failed() == 0 ? "met" : "MISSED",
              p99,
              ingest.throughput()));
      out.append(processing(run.processing()));
      out.append("  CPU in cores, by process:\n");
      out.append("    bare   ").append(run.bare().cpu().render()).append('\n');
      out.append("    alone  ").append(run.ingestAlone().cpu().render()).append('\n');
      out.append("    ingest ").append(run.ingest().cpu().render()).append('\n');
    }
    return out.toString();
  }

  private static String processing(IngestProcessing p) {
    return String.format(
        Locale.ROOT,
        "  inbox drain: ON (%s workers, batches);"
            + " %d events stored, %d applied during the phase, the rest %s;%n"
            + "  %d Stripe calls for them (limit 25 reads/s), %d covered by a later read%n",
        p.workers(),
        p.stored(),
        p.appliedDuringPhase(),
        p.drainedAfterPhase()
            .map(d -> String.format(Locale.ROOT, "within %.1f s after", d.toMillis() / 1e3))
            .orElse("NOT applied within 3 minutes after"),
        p.stripeCalls(),
        p.coveredByLaterRead());
  }

  private static String row(String name, WebhookIngest.Phase phase) {
    OpenLoop.Result r = phase.requests();
    ServiceProcess.Usage used = phase.service();
    return String.format(
        Locale.ROOT,
        "  %-24s %6d %6d %6d %7.1f %7.2f %7.2f %7.2f %8.2f %8.2f %6.2f ms %4d/%4d ms %5s%n",
        name,
        r.sent(),
        r.ok(),
        r.failed(),
        r.throughput(),
        r.percentileMillis(50),
        r.percentileMillis(90),
        r.percentileMillis(99),
        r.percentileMillis(100),
        r.lagPercentileMillis(99),
        used.cpu().toNanos() / 1e6 / Math.max(1, r.sent()),
        used.gcPauses(),
        used.gcPaused().toMillis(),
        load(phase.loadAverage()));
  }

  private static String load(double load) {
    return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
  }
}
