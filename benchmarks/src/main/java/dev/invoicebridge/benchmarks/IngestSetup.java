package dev.invoicebridge.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Invoices in the Stripe emulator for the ingest benchmark's events to name, and the event. */
final class IngestSetup {
  static final String EVENT_ID = "evt_EVENTIDPLACEHOLDER";
  static final String INVOICE_ID = "in_INVOICEIDPLACEHOLDER";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private IngestSetup() {}

  /** Creates {@code count} open invoices in Stripe; their events reach the service as usual. */
  static List<String> invoices(RunningApp app, int count) {
    String customer =
        id(app.stripe("POST", "/v1/customers", "email=benchmark%40example.com&name=Benchmark"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String invoice =
          id(
              app.stripe(
                  "POST",
                  "/v1/invoices",
                  "customer=" + customer + "&collection_method=send_invoice&days_until_due=30"));
      app.stripe(
          "POST",
          "/v1/invoiceitems",
          "invoice=" + invoice + "&amount=" + (10_000 + i) + "&currency=usd&description=Work");
      app.stripe("POST", "/v1/invoices/" + invoice + "/finalize", "");
      ids.add(invoice);
    }
    return ids;
  }

  /**
   * A real invoice.updated event as Stripe rendered it for {@code invoice} (the whole invoice
   * inside, a few kilobytes), with its event id and invoice id made placeholders.
   */
  static String eventTemplate(RunningApp app, String invoice) {
    JsonNode events =
        JSON.readTree(app.stripe("GET", "/v1/events?type=invoice.updated&limit=100", ""));
    for (JsonNode event : events.path("data")) {
      if (event.path("data").path("object").path("id").asString().equals(invoice)) {
        return JSON.writeValueAsString(event)
            .replace(event.path("id").asString(), EVENT_ID)
            .replace(invoice, INVOICE_ID);
      }
    }
    throw new IllegalStateException("no invoice.updated event for " + invoice);
  }

  /** Waits until every stored event is applied and no event job is left; false on timeout. */
  static boolean awaitProcessed(RunningApp app, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (unprocessed(app) == 0 && scheduledEventJobs(app) == 0) {
        return true;
      }
      LockSupport.parkNanos(200_000_000L);
    }
    return false;
  }

  static long unprocessed(RunningApp app) {
    return app.jdbc()
        .sql("select count(*) from webhook_inbox where processed_at is null")
        .query(Long.class)
        .single();
  }

  private static long scheduledEventJobs(RunningApp app) {
    return app.jdbc()
        .sql("select count(*) from scheduled_tasks where task_name = 'webhook-event'")
        .query(Long.class)
        .single();
  }

  private static String id(String json) {
    return JSON.readTree(json).path("id").asString();
  }
}
