package dev.invoicebridge.benchmarks;

import dev.invoicebridge.invoicing.stripe.StripeSignatures;
import dev.invoicebridge.vault.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Webhook ingest on loopback: the real service's {@code POST /webhooks/stripe/{workspace}} (verify
 * the signature, store in the inbox, answer 200) driven with correctly signed invoice events at a
 * fixed open-loop rate, beside a bare endpoint of the same shape on the same server at the same
 * rate. As in production, the service runs in its own process ({@link ServiceHost}), Stripe and
 * Attio are other processes (the emulators, {@link EmulatorHost}), and so is the sender (this JVM):
 * their CPU and GC pauses are not the service's. The sender is as light as a load generator must be
 * on a shared 2-core machine: 32 threads with a keep-alive connection each, blocking socket calls
 * ({@link OpenLoop}, {@link LoopbackPoster}). The inbox drain stays on in the last phase: each
 * event names an invoice that exists, so the drain re-reads it from the Stripe emulator (25
 * reads/s, shared) and applies it, once per invoice per batch. Each endpoint is warmed up before it
 * is measured, long enough for the JIT compiler to have finished with the request path: at 5 s its
 * compilations still took as much CPU as the requests. Target: p99 at most 10 ms at 500 events/s.
 * Usage: {@code -Drate=500 -Dseconds=25 -Dwarmup=20 -Ddatabases=h2,postgres -Dinvoices=50}.
 */
public final class WebhookIngest {
  private WebhookIngest() {}

  /** What to run. */
  public record Settings(
      int rate, Duration warmUp, Duration measure, List<String> databases, int invoices) {
    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("rate", 500),
          Duration.ofSeconds(Integer.getInteger("warmup", 20)),
          Duration.ofSeconds(Integer.getInteger("seconds", 25)),
          List.of(System.getProperty("databases", "h2,postgres").split(",")),
          Integer.getInteger("invoices", 50));
    }
  }

  /**
   * One measured phase: the requests, what the service process used, where the machine's CPU went,
   * and the load average after.
   */
  public record Phase(
      OpenLoop.Result requests, ServiceProcess.Usage service, CpuShares cpu, double loadAverage) {}

  /** The processes of a run whose CPU is accounted for. */
  private record Processes(ServiceProcess service, Emulators emulators, Database database) {}

  /**
   * One database's run: the bare endpoint, ingest with the inbox drain paused (the endpoint's own
   * cost), and ingest with the drain applying the events, as in production.
   */
  public record Run(
      String database, Phase bare, Phase ingestAlone, Phase ingest, IngestProcessing processing) {}

  public static void main(String[] args) {
    Settings settings = Settings.fromSystemProperties();
    double loadBefore = loadAverage();
    List<Run> runs = new ArrayList<>();
    for (String database : settings.databases()) {
      runs.add(run(database.trim(), settings));
    }
    System.out.println(IngestReport.render(settings, loadBefore, runs));
  }

  /** Starts the emulators and the service on {@code database} ("h2" or "postgres"), measures. */
  public static Run run(String database, Settings settings) {
    try (Database db = Database.start(database);
        Emulators emulators = Emulators.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ServiceProcess service = ServiceProcess.start(db.settings(emulators))) {
      IngestSetup.Stripe stripe = new IngestSetup.Stripe(emulators, http);
      Processes processes = new Processes(service, emulators, db);
      List<String> invoices = IngestSetup.invoices(stripe, settings.invoices());
      IngestSetup.awaitProcessed(service, Duration.ofMinutes(2));
      Sender sender =
          new Sender(
              service.uri("/"),
              settings,
              IngestSetup.eventTemplate(stripe, invoices.getFirst()),
              invoices,
              service.webhookSecret());
      String webhook = "/webhooks/stripe/" + service.workspace().value();
      String bare = "/webhooks/bare/" + service.workspace().value();
      sender.send(bare, "evt_warm_", settings.warmUp());
      sender.send(webhook, "evt_warm_", settings.warmUp());
      IngestSetup.awaitProcessed(service, Duration.ofMinutes(3));
      Phase bareResult =
          phase(processes, () -> sender.send(bare, "evt_bench_", settings.measure()));
      service.pauseJobs();
      Phase alone = phase(processes, () -> sender.send(webhook, "evt_alone_", settings.measure()));
      service.resumeJobs();
      IngestSetup.awaitProcessed(service, Duration.ofMinutes(3));
      IngestProcessing.Probe probe = IngestProcessing.start(stripe, service);
      Phase ingest = phase(processes, () -> sender.send(webhook, "evt_bench_", settings.measure()));
      return new Run(database, bareResult, alone, ingest, probe.finish(Duration.ofMinutes(3)));
    }
  }

  /** Sends signed invoice events open loop, each naming one of the invoices in turn. */
  private record Sender(
      URI server, Settings settings, String template, List<String> invoices, Secret secret) {
    OpenLoop.Result send(String path, String eventIdPrefix, Duration duration) {
      return OpenLoop.run(
          server,
          settings.rate(),
          duration,
          i -> post(path, event(template, eventIdPrefix + i, invoices, i), secret));
    }
  }

  private static Phase phase(Processes run, Supplier<OpenLoop.Result> requests) {
    ServiceProcess.Usage before = run.service().usage();
    CpuShares.Snapshot cpuBefore = CpuShares.snapshot(run.emulators(), run.database().port());
    OpenLoop.Result result = requests.get();
    CpuShares.Snapshot cpuAfter = CpuShares.snapshot(run.emulators(), run.database().port());
    ServiceProcess.Usage used = run.service().usage().since(before);
    return new Phase(
        result, used, CpuShares.between(cpuBefore, cpuAfter, used.cpu()), loadAverage());
  }

  /** The machine's one-minute load average; other processes of a shared machine count in it. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String event(String template, String id, List<String> invoices, int i) {
    return template
        .replace(IngestSetup.EVENT_ID, id)
        .replace(IngestSetup.INVOICE_ID, invoices.get(i % invoices.size()));
  }

  /** A delivery as Stripe makes it: signed when sent. */
  private static OpenLoop.Post post(String path, String payload, Secret secret) {
    return new OpenLoop.Post(
        path,
        List.of(
            "Content-Type: application/json; charset=utf-8",
            "User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Stripe-Signature: " + StripeSignatures.sign(payload, secret, Instant.now())),
        payload.getBytes(StandardCharsets.UTF_8));
  }

  /** The embedded H2 default, or a real PostgreSQL started for the run. */
  private record Database(String name, EmbeddedPostgres postgres) implements AutoCloseable {
    static Database start(String name) {
      return switch (name) {
        case "h2" -> new Database(name, null);
        case "postgres" -> {
          try {
            yield new Database(name, EmbeddedPostgres.builder().start());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        default -> throw new IllegalArgumentException("databases are h2 and postgres: " + name);
      };
    }

    /**
     * The service's settings: Stripe and Attio at the emulators, as real ones would be configured,
     * and the database.
     */
    Map<String, String> settings(Emulators emulators) {
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("invoicebridge.stripe.secret-key", Emulators.STRIPE_KEY);
      settings.put("invoicebridge.stripe.api-base", emulators.base("stripe").toString());
      settings.put("invoicebridge.attio.api-token", Emulators.ATTIO_TOKEN);
      settings.put("invoicebridge.attio.base-url", emulators.base("attio").toString());
      settings.put("invoicebridge.security.admin-username", "benchmark");
      settings.put("invoicebridge.security.admin-password", "benchmark-admin-password");
      if (postgres != null) {
        settings.put("invoicebridge.database.url", postgres.getJdbcUrl("postgres", "postgres"));
        settings.put("invoicebridge.database.username", "postgres");
      }
      return settings;
    }

    OptionalInt port() {
      return postgres == null ? OptionalInt.empty() : OptionalInt.of(postgres.getPort());
    }

    @Override
    public void close() {
      if (postgres != null) {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
