package dev.invoicebridge.benchmarks;

import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.AttioValue;
import dev.invoicebridge.attio.NewWebhook;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.attio.WebhookSubscription;
import dev.invoicebridge.connection.AttioClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time from a Stripe event to the Attio record updated: invoices created through the service's API
 * are paid in the Stripe emulator ({@code _control/invoices/{id}/mark_paid}) at a modest rate, and
 * the clock stops when Attio's {@code record.updated} webhook for the invoice's record reaches a
 * loopback receiver. Usage: {@code -Dinvoices=150 -Drate=5}.
 */
public final class SyncLatency {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private SyncLatency() {}

  /** What to run. */
  public record Settings(int invoices, double rate) {
    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("invoices", 150), Double.parseDouble(System.getProperty("rate", "5")));
    }
  }

  public static void main(String[] args) {
    Settings settings = Settings.fromSystemProperties();
    System.out.println(SyncReport.render(settings, run(settings)));
  }

  public static SyncReport.Result run(Settings settings) {
    try (RunningApp app = RunningApp.start(Map.of());
        AttioHookReceiver receiver = new AttioHookReceiver()) {
      List<String> stripeIds = createInvoices(app, settings.invoices());
      if (!IngestSetup.awaitProcessed(app, Duration.ofMinutes(3))) {
        throw new IllegalStateException("the invoices' own events were not applied in time");
      }
      AttioClient attio = app.bean(AttioClients.class).forWorkspace(app.workspace());
      Map<String, String> records = attioRecords(attio);
      attio.createWebhook(
          new NewWebhook(receiver.url(), List.of(WebhookSubscription.all("record.updated"))));
      receiver.forget();
      List<SyncReport.Sample> samples = new ArrayList<>();
      Map<String, Instant> paidAt = payAll(app, stripeIds, settings.rate());
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      for (String stripeId : stripeIds) {
        String record = records.get(stripeId);
        while (receiver.firstUpdate(record) == null && System.nanoTime() < deadline) {
          LockSupport.parkNanos(50_000_000L);
        }
        if (receiver.firstUpdate(record) != null) {
          samples.add(
              SyncReport.Sample.of(
                  app.jdbc(), stripeId, paidAt.get(stripeId), receiver.firstUpdate(record)));
        }
      }
      return new SyncReport.Result(stripeIds.size(), samples);
    }
  }

  /** Creates and finalizes invoices through POST /api/v1/invoices, two at a time. */
  private static List<String> createInvoices(RunningApp app, int count) {
    List<String> people = new ArrayList<>();
    JSON.readTree(app.api("GET", "/api/v1/records/people?limit=100", ""))
        .path("records")
        .forEach(r -> people.add(r.path("record_id").asString()));
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String body =
            """
            {"provider": "stripe", "record": {"object": "people", "record_id": "%s"},
             "lines": [{"description": "Consulting", "unit_amount": %d, "quantity": 1}],
             "currency": "usd", "days_until_due": 14, "action": "finalize"}
            """
                .formatted(people.get(i % people.size()), 10_000 + i);
        created.add(
            pool.submit(
                () ->
                    JSON.readTree(app.createInvoice(body, UUID.randomUUID().toString()))
                        .path("provider_invoice_id")
                        .asString()));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : created) {
        ids.add(f.get());
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException("creating the invoices failed", e);
    }
  }

  /** Attio record id by Stripe invoice id, for every invoice record. */
  private static Map<String, String> attioRecords(AttioClient attio) {
    Map<String, String> byStripeId = new HashMap<>();
    RecordQuery query = RecordQuery.all();
    List<AttioRecord> page;
    do {
      page = attio.queryRecords("invoices", query);
      for (AttioRecord r : page) {
        r.first("provider_invoice_id", AttioValue.Text.class)
            .ifPresent(t -> byStripeId.put(t.value(), r.id().value()));
      }
      query = query.next();
    } while (page.size() == query.limit());
    return byStripeId;
  }

  /** Pays every invoice at {@code rate} a second; returns when each payment was made. */
  private static Map<String, Instant> payAll(RunningApp app, List<String> stripeIds, double rate) {
    Map<String, Instant> paidAt = new HashMap<>();
    long period = (long) (1e9 / rate);
    long start = System.nanoTime();
    for (int i = 0; i < stripeIds.size(); i++) {
      long due = start + i * period;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      String id = stripeIds.get(i);
      paidAt.put(id, Instant.now());
      app.stripe("POST", "/_control/invoices/" + id + "/mark_paid", "");
    }
    return paidAt;
  }
}
