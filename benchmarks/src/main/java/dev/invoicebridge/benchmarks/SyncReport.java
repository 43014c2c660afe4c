package dev.invoicebridge.benchmarks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The measurements and printed report of {@link SyncLatency}. */
public final class SyncReport {
  private SyncReport() {}

  /**
   * One invoice: Stripe's event to the Attio webhook, split at the inbox (the event stored) and at
   * the start of the job that applied it.
   */
  public record Sample(Duration total, Duration toInbox, Duration inboxToJob, Duration jobToAttio) {
    static Sample of(JdbcClient jdbc, String stripeId, Instant paid, Instant attioUpdated) {
      Map<String, Object> row =
          jdbc.sql(
                  "select min(i.received_at) as received, min(j.started_at) as started"
                      + " from webhook_inbox i left join job_run j"
                      + " on j.task_instance = 'STRIPE:' || i.event_id"
                      + " where i.object_id = ? and i.received_at >= ?")
              .params(stripeId, Timestamp.from(paid.minusMillis(1)))
              .query()
              .singleRow();
      Instant received = instant(row.get("received"), paid);
      Instant started = instant(row.get("started"), received);
      return new Sample(
          Duration.between(paid, attioUpdated),
          Duration.between(paid, received),
          Duration.between(received, started),
          Duration.between(started, attioUpdated));
    }

    private static Instant instant(Object value, Instant otherwise) {
      if (value instanceof Timestamp t) {
        return t.toInstant();
      }
      if (value instanceof java.time.OffsetDateTime o) {
        return o.toInstant();
      }
      return otherwise;
    }
  }

  /** One configuration's samples. */
  public record ModeResult(String mode, int invoices, List<Sample> samples) {
    double percentileMillis(Function<Sample, Duration> part, double p) {
      List<Duration> sorted = samples.stream().map(part).sorted(Comparator.naturalOrder()).toList();
      int rank = (int) Math.ceil(p / 100 * sorted.size());
      return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1)).toNanos() / 1e6;
    }
  }

  static String render(SyncLatency.Settings s, List<ModeResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            """
            Sync latency: Stripe event (invoice paid in the emulator) to the Attio record updated
            (Attio's record.updated webhook arriving on loopback), %.1f payments/s, %d CPUs.
            Split: Stripe delivers the event to the inbox | the job starts | re-read, mirror,
            Attio write and Attio's webhook.
            %n""",
            s.rate(),
            Runtime.getRuntime().availableProcessors()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-34s %8s %8s %8s %8s %8s | %10s %10s %10s%n",
            "db-scheduler",
            "updated",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "med inbox",
            "med job",
            "med apply"));
    for (ModeResult r : results) {
      if (r.samples().isEmpty()) {
        out.append(String.format(Locale.ROOT, "%-34s no Attio update arrived%n", label(r)));
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%-34s %4d/%-3d %8.0f %8.0f %8.0f %8.0f | %10.0f %10.0f %10.0f%n",
              label(r),
              r.samples().size(),
              r.invoices(),
              r.percentileMillis(Sample::total, 50),
              r.percentileMillis(Sample::total, 90),
              r.percentileMillis(Sample::total, 99),
              r.percentileMillis(Sample::total, 100),
              r.percentileMillis(Sample::toInbox, 50),
              r.percentileMillis(Sample::inboxToJob, 50),
              r.percentileMillis(Sample::jobToAttio, 50)));
    }
    return out.toString();
  }

  private static String label(ModeResult r) {
    return switch (r.mode()) {
      case "immediate" -> "immediate execution (default)";
      case "polling" -> "polling only, every 5 s";
      default -> r.mode();
    };
  }
}
