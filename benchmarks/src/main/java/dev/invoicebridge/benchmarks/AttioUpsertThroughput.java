package dev.invoicebridge.benchmarks;

import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioCounters;
import dev.invoicebridge.attio.AttioRateLimitedException;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.AttributeType;
import dev.invoicebridge.attio.HttpAttioClient;
import dev.invoicebridge.attio.NewAttribute;
import dev.invoicebridge.attio.NewObject;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.attio.RecordValues;
import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioSandboxSettings;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Upserts invoice records (assert on a unique invoice id) through {@code HttpAttioClient} against
 * the Attio sandbox over HTTP, with Attio's real limits on both sides (25 writes/s per token), and
 * reports the sustained write rate as a fraction of 25/s and how many 429s reached the caller.
 * Targets: fraction at least 0.95, zero 429s. Usage: {@code -Dupserts=N} (default 2000).
 */
public final class AttioUpsertThroughput {
  private static final int THREADS = 4;
  private static final double ATTIO_WRITES_PER_SECOND = 25;

  private AttioUpsertThroughput() {}

  /**
   * What one run measured.
   *
   * @param upserts asserts attempted
   * @param succeeded asserts that returned a record (a call that ended in a 429 wrote nothing)
   */
  public record Report(
      int upserts,
      int succeeded,
      int distinctRecords,
      Duration elapsed,
      long rateLimitedAtCaller,
      AttioCounters.Snapshot client) {
    /** The sustained rate of successful upserts, the writes that count. */
    public double writesPerSecond() {
      return succeeded / (elapsed.toNanos() / 1e9);
    }

    public double fractionOfLimit() {
      return writesPerSecond() / ATTIO_WRITES_PER_SECOND;
    }

    String render() {
      return String.format(
          Locale.ROOT,
          """
          Attio upsert throughput (assert on a unique attribute, sandbox with Attio's limits)
            upserts                  %d (%d succeeded, %d distinct records, %d threads)
            elapsed                  %.2f s
            sustained writes/s       %.2f
            fraction of 25 writes/s  %.3f   (target >= 0.95: %s)
            429s reaching the caller %d     (target 0: %s)
            429s seen by the client  %d, retries %d, paced for %.1f s in total
          """,
          upserts,
          succeeded,
          distinctRecords,
          THREADS,
          elapsed.toNanos() / 1e9,
          writesPerSecond(),
          fractionOfLimit(),
          fractionOfLimit() >= 0.95 ? "met" : "MISSED",
          rateLimitedAtCaller,
          rateLimitedAtCaller == 0 ? "met" : "MISSED",
          client.rateLimited(),
          client.retries(),
          client.paced().toMillis() / 1000.0);
    }
  }

  public static void main(String[] args) {
    int upserts = Integer.getInteger("upserts", 2000);
    System.out.println(run(upserts).render());
  }

  /** Runs {@code upserts} asserts; a quarter of them update records created earlier in the run. */
  public static Report run(int upserts) {
    String token = UUID.randomUUID().toString();
    AttioSandboxServlet attio =
        new AttioSandboxServlet(
            () -> token, AttioSandboxSettings.empty(AttioWorkspace.demo(), Clock.systemUTC()));
    try (SandboxServer server = SandboxServer.start(0, Map.of("attio", attio))) {
      AttioCounters counters = new AttioCounters();
      AttioClient client =
          HttpAttioClient.builder(server.baseUri("attio"), () -> token).metrics(counters).build();
      client.createObject(new NewObject("invoices", "Invoice", "Invoices"));
      client.createAttribute(
          "invoices", NewAttribute.of("invoice_id", "Invoice id", AttributeType.TEXT).unique());
      client.createAttribute(
          "invoices", NewAttribute.of("total", "Total", AttributeType.CURRENCY).currency("USD"));
      int distinct = Math.max(1, upserts * 3 / 4);
      Tally tally = new Tally(new AtomicInteger(), new AtomicLong());
      long start = System.nanoTime();
      upsertAll(client, upserts, distinct, tally);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      int records = count(client);
      return new Report(
          upserts,
          tally.succeeded().get(),
          records,
          elapsed,
          tally.rateLimited().get(),
          counters.snapshot());
    }
  }

  /** How the upserts ended, counted at the caller. */
  private record Tally(AtomicInteger succeeded, AtomicLong rateLimited) {}

  private static void upsertAll(AttioClient client, int upserts, int distinct, Tally tally) {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < upserts; i = next.getAndIncrement()) {
                    upsert(client, i, distinct, tally);
                  }
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("the benchmark run failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void upsert(AttioClient client, int i, int distinct, Tally tally) {
    RecordValues values =
        RecordValues.builder()
            .text("invoice_id", "in_" + (i % distinct))
            .currency("total", BigDecimal.valueOf(100 + i, 2))
            .build();
    try {
      client.assertRecord("invoices", "invoice_id", values);
      tally.succeeded().incrementAndGet();
    } catch (AttioRateLimitedException e) {
      tally.rateLimited().incrementAndGet();
    }
  }

  private static int count(AttioClient client) {
    int total = 0;
    List<AttioRecord> page;
    RecordQuery query = RecordQuery.all();
    do {
      page = client.queryRecords("invoices", query);
      total += page.size();
      query = query.next();
    } while (page.size() == query.limit());
    return total;
  }
}
