package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.invoicebridge.sandbox.stripe.StripeWire.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox-only control endpoints called as a test or an operator would, over HTTP: seeding,
 * restricted keys and the webhook switches; and Stripe's ending_before paging.
 */
class StripeSandboxControlHttpTest {
  @AutoClose private final StripeWire wire = new StripeWire();

  @Test
  void seeded_products_and_prices_are_listed_by_the_api() {
    Answer seeded =
        wire.post(
            "/_control/seed",
            "products[0][name]=Audit&products[0][unit_amount]=90000"
                + "&products[1][name]=Workshop&products[1][unit_amount]=25000"
                + "&products[1][currency]=eur");

    assertThat(seeded.status()).isEqualTo(200);
    String workshopPrice = seeded.body().at("/prices/Workshop").asString();
    JsonNode prices = wire.get("/v1/prices?active=true&expand[]=data.product").body().path("data");
    assertThat(prices).hasSize(2);
    JsonNode workshop = prices.get(0);
    assertThat(workshop.path("id").asString()).isEqualTo(workshopPrice);
    assertThat(workshop.at("/product/name").asString()).isEqualTo("Workshop");
    assertThat(workshop.path("unit_amount").asLong()).isEqualTo(25_000);
    assertThat(workshop.path("currency").asString()).isEqualTo("eur");
    assertThat(workshop.path("type").asString()).isEqualTo("one_time");
    JsonNode products = wire.get("/v1/products").body().path("data");
    assertThat(products.findValuesAsString("name")).containsExactly("Workshop", "Audit");
    assertThat(products.get(0).path("default_price").asString()).isEqualTo(workshopPrice);
  }

  @Test
  void a_seed_with_one_bad_entry_seeds_nothing() {
    Answer refused =
        wire.post(
            "/_control/seed",
            "products[0][name]=Fine&products[0][unit_amount]=100&products[1][name]=NoAmount");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/error/param").asString()).isEqualTo("products[1][unit_amount]");
    assertThat(wire.get("/v1/products").body().path("data")).isEmpty();
  }

  @Test
  void a_restricted_key_is_refused_in_stripes_words_for_what_it_lacks() {
    String key = "rk_test_51Qa9bCdEfGhIjKlMnOp4va7j";
    Answer granted =
        wire.post(
            "/_control/restricted_keys",
            "key=" + key + "&permissions[]=customer_write&permissions[]=invoice_read");

    Answer write = wire.post("/v1/invoices", "customer=cus_x", null, key);
    Answer read = wire.get("/v1/invoices", key);
    Answer products = wire.get("/v1/products", key);
    Answer customers = wire.post("/v1/customers", "email=rk%40example.com", null, key);

    assertThat(granted.status()).isEqualTo(200);
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.body().at("/error/type").asString()).isEqualTo("invalid_request_error");
    assertThat(write.body().path("error").has("code")).isFalse();
    // The reference sheet's newer wording, word for word: the key shows only its last six.
    assertThat(write.body().at("/error/message").asString())
        .isEqualTo(
            "Permission denied. The provided key 'rk_test_***p4va7j' does not have the required"
                + " permissions for this endpoint on account '"
                + StripeWire.ACCOUNT
                + "'. Enabling \"Invoices Write\" ('invoice_write') permissions on this key would"
                + " allow this request to continue.");
    assertThat(read.status()).isEqualTo(200);
    assertThat(products.status()).isEqualTo(403);
    assertThat(products.body().at("/error/message").asString())
        .endsWith(
            "Enabling \"Products Read\" ('product_read') permissions on this key would allow this"
                + " request to continue.");
    assertThat(customers.status()).isEqualTo(200);
  }

  @Test
  void the_webhook_switches_deliver_each_event_twice() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String invoice = wire.draft();
      wire.post("/v1/invoiceitems", "invoice=" + invoice + "&amount=500&currency=usd");
      wire.post(
          "/v1/webhook_endpoints",
          "url="
              + receiver.url()
              + "&enabled_events[]=invoice.finalized&enabled_events[]=invoice.updated");
      Answer switched = wire.post("/_control/webhooks", "duplicates=true&out_of_order=true");

      wire.post("/v1/invoices/" + invoice + "/finalize", "");

      List<JsonNode> received = receiver.take(4);
      assertThat(switched.status()).isEqualTo(200);
      // finalize emits invoice.finalized and invoice.updated, each delivered twice under its own
      // id. An endpoint gets up to four deliveries at once, as from Stripe, so arrival order is
      // not fixed (the planned order is WebhookPlanTest's and StripeWebhookDeliveryTest's).
      assertThat(received)
          .extracting(e -> e.path("type").asString())
          .containsExactlyInAnyOrder(
              "invoice.updated", "invoice.updated", "invoice.finalized", "invoice.finalized");
      assertThat(received.stream().map(e -> e.path("id").asString()).distinct()).hasSize(2);
      // An attempt is logged once its answer is read, which can trail the receiver's queue.
      JsonNode attempts =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> wire.get("/_control/webhooks/attempts").body().path("data"),
                  data -> data.size() >= 4);
      assertThat(attempts.findValuesAsString("type"))
          .containsOnly("invoice.updated", "invoice.finalized")
          .hasSize(4);
    }
  }

  @Test
  void ending_before_pages_back_to_the_newer_objects() {
    for (int i = 0; i < 5; i++) {
      wire.post("/v1/customers", "name=c" + i);
    }
    JsonNode first = wire.get("/v1/customers?limit=2").body();
    String lastOfFirst = first.at("/data/1/id").asString();
    JsonNode second = wire.get("/v1/customers?limit=2&starting_after=" + lastOfFirst).body();
    String firstOfSecond = second.at("/data/0/id").asString();

    JsonNode back = wire.get("/v1/customers?limit=2&ending_before=" + firstOfSecond).body();
    JsonNode newest =
        wire.get("/v1/customers?limit=2&ending_before=" + first.at("/data/0/id").asString()).body();

    assertThat(first.path("data").findValuesAsString("name")).containsExactly("c4", "c3");
    assertThat(second.path("data").findValuesAsString("name")).containsExactly("c2", "c1");
    assertThat(back.path("data").findValuesAsString("name")).containsExactly("c4", "c3");
    assertThat(back.path("has_more").asBoolean()).isFalse();
    assertThat(newest.path("data")).isEmpty();
    Answer both =
        wire.get("/v1/customers?ending_before=" + firstOfSecond + "&starting_after=" + lastOfFirst);
    assertThat(both.status()).isEqualTo(400);
  }

  /** A local HTTP endpoint that records the events posted to it. */
  private static final class Receiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            events.add(JSON.readTree(body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return java.net.URLEncoder.encode(
          "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", StandardCharsets.UTF_8);
    }

    /** The next {@code n} events, waiting up to 30 s for each. */
    List<JsonNode> take(int n) {
      List<JsonNode> taken = new ArrayList<>();
      try {
        for (int i = 0; i < n; i++) {
          JsonNode e = events.poll(30, TimeUnit.SECONDS);
          if (e == null) {
            throw new AssertionError("Only " + taken.size() + " of " + n + " events arrived");
          }
          taken.add(e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException(e));
      }
      return taken;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
