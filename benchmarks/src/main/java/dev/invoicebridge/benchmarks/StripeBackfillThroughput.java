package dev.invoicebridge.benchmarks;

import dev.invoicebridge.InvoicebridgeApplication;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Stripe backfill end to end: invoices seeded in the Stripe emulator as history (customers with
 * the emails of the Attio demo people), imported by the real service in this JVM (its job, embedded
 * database, Stripe adapter and paced Attio client, configured as for real Stripe and Attio) into
 * the Attio emulator, which applies Attio's real limit of 25 writes/s. The emulators run in a
 * process of their own, as the real services would, so heap and CPU are the service's. Reports the
 * sustained Attio write rate as a fraction of 25/s (target at least 0.95), failed writes (target
 * 0), the heap after GC sampled during the run (flat), and a second run over the unchanged invoices
 * (target: no write). Usage: {@code -Dinvoices=N} (default 2000).
 */
public final class StripeBackfillThroughput {
  static final double ATTIO_WRITES_PER_SECOND = 25;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CUSTOMERS = 20;

  private StripeBackfillThroughput() {}

  /** What the two runs measured. */
  public record Report(int invoices, BackfillSampler.Run first, BackfillSampler.Run rerun) {
    public double fractionOfLimit() {
      return first.sustainedWritesPerSecond() / ATTIO_WRITES_PER_SECOND;
    }

    /** Heap at mid-run, after GC: warmed up, with half the invoices still to come. */
    public long heapMidBytes() {
      return first.heapSamples().get(first.heapSamples().size() / 2);
    }

    /**
     * Flat: the second half of the run adds less than 5 % to the heap, so nothing is kept per
     * invoice (the first seconds warm pools, caches and classes up).
     */
    public boolean heapFlat() {
      return first.heapLastBytes() <= heapMidBytes() * 1.05;
    }

    String render() {
      return String.format(
          Locale.ROOT,
          """
          Stripe backfill into Attio (emulators in their own process, Attio's limit of 25 writes/s)
            invoices in Stripe             %d (%d customers)
            processed / total estimate     %d / %d, job %s
            Attio writes                   %d in %.1f s (first run, end to end %.1f s)
            sustained writes/s             %.2f
            fraction of 25 writes/s        %.3f   (target >= 0.95: %s)
            failed writes                  %d     (target 0: %s)
            429s answered by Attio         %d (retried by the client)
            heap after GC, MB              start %.1f, mid-run %.1f, peak %.1f, end %.1f (flat: %s)
              every 5 s                    %s
            service CPU per invoice        %.1f ms (load average %.1f on %d cores)
          Unchanged re-run
            processed                      %d, job %s
            Attio writes                   %d     (target 0: %s)
            duration                       %.1f s
          """,
          invoices,
          Math.min(CUSTOMERS, invoices),
          first.processed(),
          first.totalEstimate(),
          first.status(),
          first.attioWrites(),
          first.writingSeconds(),
          first.elapsed().toMillis() / 1000.0,
          first.sustainedWritesPerSecond(),
          fractionOfLimit(),
          fractionOfLimit() >= 0.95 ? "met" : "MISSED",
          first.failedWrites(),
          first.failedWrites() == 0 ? "met" : "MISSED",
          first.rateLimited(),
          mb(first.heapFirstBytes()),
          mb(heapMidBytes()),
          mb(first.heapPeakBytes()),
          mb(first.heapLastBytes()),
          heapFlat() ? "yes" : "NO",
          first.heapSamples().stream()
              .map(b -> String.format(Locale.ROOT, "%.0f", mb(b)))
              .collect(java.util.stream.Collectors.joining(" ")),
          first.machine().cpu().toNanos() / 1e6 / Math.max(1, first.processed()),
          first.machine().loadAverage(),
          first.machine().cores(),
          rerun.processed(),
          rerun.status(),
          rerun.attioWrites(),
          rerun.attioWrites() == 0 ? "met" : "MISSED",
          rerun.elapsed().toMillis() / 1000.0);
    }

    private static double mb(long bytes) {
      return bytes / (1024.0 * 1024.0);
    }
  }

  public static void main(String[] args) {
    int invoices = Integer.getInteger("invoices", 2000);
    System.out.println(run(invoices).render());
  }

  /** Seeds {@code invoices} invoices, backfills them, then backfills again without changes. */
  public static Report run(int invoices) {
    Path data = tempDir();
    try (Emulators emulators = Emulators.start()) {
      ConfigurableApplicationContext app =
          new SpringApplicationBuilder(InvoicebridgeApplication.class)
              .run(
                  "--server.port=0",
                  "--invoicebridge.data-dir=" + data,
                  "--invoicebridge.stripe.secret-key=" + Emulators.STRIPE_KEY,
                  "--invoicebridge.stripe.api-base=" + emulators.base("stripe"),
                  "--invoicebridge.attio.api-token=" + Emulators.ATTIO_TOKEN,
                  "--invoicebridge.attio.base-url=" + emulators.base("attio"),
                  "--invoicebridge.security.admin-username=benchmark",
                  "--invoicebridge.security.admin-password=benchmark-admin-password",
                  "--logging.level.root=WARN");
      try (HttpClient http = HttpClient.newHttpClient()) {
        Service service = Service.of(app, emulators, http);
        seed(service, invoices);
        // The invoices object first, so the measured runs write invoices only.
        service.post("/api/v1/schema/setup");
        BackfillSampler sampler = new BackfillSampler(app.getBean(MeterRegistry.class));
        BackfillSampler.Run first = sampler.measure(service::startBackfill, service::job);
        BackfillSampler.Run rerun = sampler.measure(service::startBackfill, service::job);
        return new Report(invoices, first, rerun);
      } finally {
        app.close();
      }
    } finally {
      delete(data);
    }
  }

  /** Invoices spread over the customers, each with the email of an Attio demo person. */
  private static void seed(Service service, int invoices) {
    List<String> emails =
        service
            .get("/api/v1/records/people?limit=100")
            .path("records")
            .valueStream()
            .map(p -> p.path("primary_email").asString(""))
            .filter(e -> !e.isEmpty())
            .limit(CUSTOMERS)
            .toList();
    int customers = Math.min(emails.size(), invoices);
    for (int c = 0; c < customers; c++) {
      int count = invoices / customers + (c < invoices % customers ? 1 : 0);
      service.stripeControl(
          "/_control/invoices/seed",
          "email=" + URLEncoder.encode(emails.get(c), StandardCharsets.UTF_8) + "&count=" + count);
    }
  }

  /** The running service as the benchmark drives it: its API as admin, the Stripe emulator. */
  private record Service(String base, String token, Emulators emulators, HttpClient http) {
    static Service of(ConfigurableApplicationContext app, Emulators emulators, HttpClient http) {
      String port = app.getEnvironment().getProperty("local.server.port");
      WorkspaceId workspace = app.getBean(Workspaces.class).all().getFirst().id();
      String token =
          app.getBean(ApiTokens.class)
              .issue(workspace, "benchmark", Role.ADMIN, "benchmark")
              .plaintext();
      return new Service("http://127.0.0.1:" + port, token, emulators, http);
    }

    String startBackfill() {
      return post("/api/v1/sync/stripe/backfill").path("id").asString();
    }

    JsonNode job(String id) {
      return get("/api/v1/jobs/" + id);
    }

    JsonNode get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    JsonNode post(String path) {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("")),
          token);
    }

    void stripeControl(String path, String form) {
      send(
          HttpRequest.newBuilder(URI.create(emulators.base("stripe") + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)),
          Emulators.STRIPE_KEY);
    }

    private JsonNode send(HttpRequest.Builder request, String bearer) {
      try {
        HttpResponse<String> response =
            http.send(
                request.header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new IllegalStateException(
              "HTTP " + response.statusCode() + " from " + response.uri().getPath());
        }
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("invoicebridge-backfill-benchmark-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp directory is harmless.
    }
  }
}
