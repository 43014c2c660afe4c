package dev.invoicebridge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Invoices in the Stripe emulator for the ingest benchmark's events to name, and the event. */
final class IngestSetup {
  static final String EVENT_ID = "evt_EVENTIDPLACEHOLDER";
  static final String INVOICE_ID = "in_INVOICEIDPLACEHOLDER";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private IngestSetup() {}

  /** The Stripe emulator, called as the account the service is connected to. */
  record Stripe(Emulators emulators, HttpClient http) {
    /** One call; a 429 (test mode's 25 calls a second, nothing done) is sent again. */
    String call(String method, String path, String form) {
      HttpRequest request =
          HttpRequest.newBuilder(java.net.URI.create(emulators.base("stripe") + path))
              .header("Authorization", "Bearer " + Emulators.STRIPE_KEY)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .method(method, HttpRequest.BodyPublishers.ofString(form))
              .build();
      for (int attempt = 1; ; attempt++) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 429 && attempt < 100) {
          LockSupport.parkNanos(100_000_000L);
          continue;
        }
        if (response.statusCode() / 100 != 2) {
          throw new IllegalStateException(
              method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
      }
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Creates {@code count} open invoices in Stripe; their events reach the service as usual. */
  static List<String> invoices(Stripe stripe, int count) {
    String customer =
        id(stripe.call("POST", "/v1/customers", "email=benchmark%40example.com&name=Benchmark"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String invoice =
          id(
              stripe.call(
                  "POST",
                  "/v1/invoices",
                  "customer=" + customer + "&collection_method=send_invoice&days_until_due=30"));
      stripe.call(
          "POST",
          "/v1/invoiceitems",
          "invoice=" + invoice + "&amount=" + (10_000 + i) + "&currency=usd&description=Work");
      stripe.call("POST", "/v1/invoices/" + invoice + "/finalize", "");
      ids.add(invoice);
    }
    return ids;
  }

  /**
   * A real invoice.updated event as Stripe rendered it for {@code invoice} (the whole invoice
   * inside, a few kilobytes), with its event id and invoice id made placeholders.
   */
  static String eventTemplate(Stripe stripe, String invoice) {
    JsonNode events =
        JSON.readTree(stripe.call("GET", "/v1/events?type=invoice.updated&limit=100", ""));
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
  static boolean awaitProcessed(ServiceProcess service, Duration timeout) {
    return awaitProcessed(service::count, timeout);
  }

  /** The same for the service started in this JVM. */
  static boolean awaitProcessed(RunningApp app, Duration timeout) {
    return awaitProcessed(sql -> app.jdbc().sql(sql).query(Long.class).single(), timeout);
  }

  private static boolean awaitProcessed(ToLongFunction<String> count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (count.applyAsLong("select count(*) from webhook_inbox where processed_at is null") == 0) {
        return true;
      }
      LockSupport.parkNanos(200_000_000L);
    }
    return false;
  }

  private static String id(String json) {
    return JSON.readTree(json).path("id").asString();
  }
}
