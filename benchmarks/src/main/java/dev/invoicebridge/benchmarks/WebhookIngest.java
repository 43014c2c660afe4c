package dev.invoicebridge.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.invoicebridge.invoicing.stripe.StripeSignatures;
import dev.invoicebridge.vault.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Webhook ingest on loopback: the real service's {@code POST /webhooks/stripe/{workspace}} (verify
 * the signature, store in the inbox, schedule the job, answer 200) driven with correctly signed
 * invoice events at a fixed open-loop rate, beside a bare endpoint of the same shape on the same
 * server at the same rate. Processing jobs stay on, as in production: each event names an invoice
 * that exists, so its job re-reads it from the Stripe emulator (25 reads/s, shared) and applies it.
 * Target: p99 at most 10 ms at 500 events/s. Usage: {@code -Drate=500 -Dseconds=25 -Dwarmup=5
 * -Ddatabases=h2,postgres -Dinvoices=50}.
 */
public final class WebhookIngest {
  private WebhookIngest() {}

  /** What to run. */
  public record Settings(
      int rate, Duration warmUp, Duration measure, List<String> databases, int invoices) {
    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("rate", 500),
          Duration.ofSeconds(Integer.getInteger("warmup", 5)),
          Duration.ofSeconds(Integer.getInteger("seconds", 25)),
          List.of(System.getProperty("databases", "h2,postgres").split(",")),
          Integer.getInteger("invoices", 50));
    }
  }

  /**
   * One database's run: the bare endpoint, ingest with the processing jobs paused (the endpoint's
   * own cost), and ingest with them running, as in production.
   */
  public record Run(
      String database,
      OpenLoop.Result bare,
      OpenLoop.Result ingestAlone,
      OpenLoop.Result ingest,
      IngestProcessing processing) {}

  public static void main(String[] args) {
    Settings settings = Settings.fromSystemProperties();
    List<Run> runs = new ArrayList<>();
    for (String database : settings.databases()) {
      runs.add(run(database.trim(), settings));
    }
    System.out.println(IngestReport.render(settings, runs));
  }

  /** Starts the service on {@code database} ("h2" or "postgres"), measures, stops it. */
  public static Run run(String database, Settings settings) {
    try (Database db = Database.start(database);
        RunningApp app = RunningApp.start(db.settings(), BareWebhookEndpoint.class)) {
      List<String> invoices = IngestSetup.invoices(app, settings.invoices());
      IngestSetup.awaitProcessed(app, Duration.ofMinutes(2));
      String template = IngestSetup.eventTemplate(app, invoices.getFirst());
      Secret secret = app.secret("stripe.webhook_secret");
      URI webhook = app.uri("/webhooks/stripe/" + app.workspace().value());
      URI bare = app.uri("/webhooks/bare/" + app.workspace().value());
      try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
        IntFunction<String> warmEvents = i -> event(template, "evt_warm_" + i, invoices, i);
        IntFunction<String> events = i -> event(template, "evt_bench_" + i, invoices, i);
        OpenLoop.run(
            http, settings.rate(), settings.warmUp(), i -> post(bare, warmEvents, i, secret));
        OpenLoop.run(
            http, settings.rate(), settings.warmUp(), i -> post(webhook, warmEvents, i, secret));
        IngestSetup.awaitProcessed(app, Duration.ofMinutes(3));
        OpenLoop.Result bareResult =
            OpenLoop.run(
                http, settings.rate(), settings.measure(), i -> post(bare, events, i, secret));
        Scheduler jobs = app.bean(Scheduler.class);
        IntFunction<String> alone = i -> event(template, "evt_alone_" + i, invoices, i);
        jobs.pause();
        OpenLoop.Result ingestAlone =
            OpenLoop.run(
                http, settings.rate(), settings.measure(), i -> post(webhook, alone, i, secret));
        jobs.resume();
        IngestSetup.awaitProcessed(app, Duration.ofMinutes(3));
        IngestProcessing.Probe probe = IngestProcessing.start(app);
        OpenLoop.Result ingest =
            OpenLoop.run(
                http, settings.rate(), settings.measure(), i -> post(webhook, events, i, secret));
        return new Run(
            database, bareResult, ingestAlone, ingest, probe.finish(Duration.ofMinutes(3)));
      }
    }
  }

  private static String event(String template, String id, List<String> invoices, int i) {
    return template
        .replace(IngestSetup.EVENT_ID, id)
        .replace(IngestSetup.INVOICE_ID, invoices.get(i % invoices.size()));
  }

  /** A delivery as Stripe makes it: signed when sent. */
  private static HttpRequest post(URI uri, IntFunction<String> events, int i, Secret secret) {
    String payload = events.apply(i);
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
        .header("Stripe-Signature", StripeSignatures.sign(payload, secret, Instant.now()))
        .POST(HttpRequest.BodyPublishers.ofString(payload))
        .build();
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

    Map<String, String> settings() {
      return postgres == null
          ? Map.of()
          : Map.of(
              "invoicebridge.database.url",
              postgres.getJdbcUrl("postgres", "postgres"),
              "invoicebridge.database.username",
              "postgres");
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
