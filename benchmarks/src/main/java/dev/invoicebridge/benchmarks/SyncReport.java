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
   * the event marked applied (re-read, mirror and Attio write done).
   */
  public record Sample(
      Duration total, Duration toInbox, Duration inboxToApplied, Duration appliedToWebhook) {
    static Sample of(JdbcClient jdbc, String stripeId, Instant paid, Instant attioUpdated) {
      Map<String, Object> row =
          jdbc.sql(
                  "select min(received_at) as received, min(processed_at) as applied"
                      + " from webhook_inbox where object_id = ? and received_at >= ?")
              .params(stripeId, Timestamp.from(paid.minusMillis(1)))
              .query()
              .singleRow();
      Instant received = instant(row.get("received"), paid);
      Instant applied = instant(row.get("applied"), received);
      return new Sample(
          Duration.between(paid, attioUpdated),
          Duration.between(paid, received),
          Duration.between(received, applied),
          Duration.between(applied, attioUpdated));
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

  /** The samples of a run. */
  public record Result(int invoices, List<Sample> samples) {
    double percentileMillis(Function<Sample, Duration> part, double p) {
      List<Duration> sorted = samples.stream().map(part).sorted(Comparator.naturalOrder()).toList();
      int rank = (int) Math.ceil(p / 100 * sorted.size());
      return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1)).toNanos() / 1e6;
    }
  }

  static String render(SyncLatency.Settings s, Result r) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            """
            Sync latency: Stripe event (invoice paid in the emulator) to the Attio record updated
            (Attio's record.updated webhook arriving on loopback), %.1f payments/s, %d CPUs.
            Split: Stripe delivers the event to the inbox | the drain re-reads the invoice,
            mirrors it, writes Attio and marks the event applied | Attio's webhook arrives
            (counted from that mark; Attio may send it before the mark is made: negative).
            %n""",
            s.rate(),
            Runtime.getRuntime().availableProcessors()));
    if (r.samples().isEmpty()) {
      return out.append("no Attio update arrived\n").toString();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%8s %8s %8s %8s %8s | %10s %10s %10s%n",
            "updated",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "med inbox",
            "med apply",
            "med hook"));
    out.append(
        String.format(
            Locale.ROOT,
            "%4d/%-3d %8.0f %8.0f %8.0f %8.0f | %10.0f %10.0f %10.0f%n",
            r.samples().size(),
            r.invoices(),
            r.percentileMillis(Sample::total, 50),
            r.percentileMillis(Sample::total, 90),
            r.percentileMillis(Sample::total, 99),
            r.percentileMillis(Sample::total, 100),
            r.percentileMillis(Sample::toInbox, 50),
            r.percentileMillis(Sample::inboxToApplied, 50),
            r.percentileMillis(Sample::appliedToWebhook, 50)));
    return out.toString();
  }
}
