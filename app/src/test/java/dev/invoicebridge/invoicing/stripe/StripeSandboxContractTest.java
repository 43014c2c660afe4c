package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeObject;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.ApiResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object the sandbox returns deserializes with stripe-java into a populated model and has
 * exactly the top-level fields of Stripe's official fixture for its type.
 */
class StripeSandboxContractTest {
  private static StripeSandboxRig rig;
  private static Map<String, JsonObject> objects;

  @BeforeAll
  static void start() {
    rig = new StripeSandboxRig();
    String customer = post("/v1/customers", "email=c%40contract.example&name=C&metadata[crm]=1");
    String price = rig.sandbox().seedPrice("Contract product", "usd", 1_500);
    String product = get("/v1/prices/" + price).get("product").getAsString();
    String invoice =
        post(
            "/v1/invoices",
            "customer=" + customer + "&collection_method=send_invoice&days_until_due=7");
    String item =
        post("/v1/invoiceitems", "invoice=" + invoice + "&pricing[price]=" + price + "&quantity=2");
    String endpoint =
        post(
            "/v1/webhook_endpoints",
            "url=https%3A%2F%2Fexample.com%2Fhook&enabled_events[]=invoice.paid");
    JsonObject inv = get("/v1/invoices/" + invoice);
    objects =
        Map.of(
            "customer", get("/v1/customers/" + customer),
            "product", get("/v1/products/" + product),
            "price", get("/v1/prices/" + price),
            "invoice", inv,
            "invoiceitem", get("/v1/invoiceitems/" + item),
            "line_item",
                inv.getAsJsonObject("lines").getAsJsonArray("data").get(0).getAsJsonObject(),
            "webhook_endpoint", get("/v1/webhook_endpoints/" + endpoint),
            "event", get("/v1/events?limit=1").getAsJsonArray("data").get(0).getAsJsonObject());
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("customer", Customer.class),
        Arguments.of("product", Product.class),
        Arguments.of("price", Price.class),
        Arguments.of("invoice", Invoice.class),
        Arguments.of("invoiceitem", InvoiceItem.class),
        Arguments.of("line_item", InvoiceLineItem.class),
        Arguments.of("webhook_endpoint", WebhookEndpoint.class),
        Arguments.of("event", Event.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void the_object_has_the_fixture_fields_and_deserializes_with_stripe_java(
      String type, Class<? extends StripeObject> model) {
    JsonObject fixture = fixture(type);
    JsonObject ours = objects.get(type);

    assertThat(new TreeSet<>(ours.keySet())).isEqualTo(new TreeSet<>(fixture.keySet()));
    StripeObject parsed = ApiResource.GSON.fromJson(ours, model);
    JsonObject roundTrip = JsonParser.parseString(parsed.toJson()).getAsJsonObject();
    Set<String> known = roundTrip.keySet();
    // Every field we send that has a value is one stripe-java knows and kept.
    ours.entrySet().stream()
        .filter(e -> !e.getValue().isJsonNull())
        .forEach(e -> assertThat(known).as("%s.%s", type, e.getKey()).contains(e.getKey()));
    assertThat(roundTrip.get("id").getAsString()).startsWith(ours.get("id").getAsString());
  }

  private static JsonObject fixture(String type) {
    String dir = System.getProperty("invoicebridge.shared-dir");
    Path file = dir == null ? null : Path.of(dir, "specs", "stripe-fixtures3.json");
    Assumptions.assumeTrue(
        file != null && Files.isRegularFile(file),
        "Stripe's fixtures (../shared/specs/stripe-fixtures3.json) are absent; contract not checked");
    try {
      return JsonParser.parseString(Files.readString(file))
          .getAsJsonObject()
          .getAsJsonObject("resources")
          .getAsJsonObject(type);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String post(String path, String form) {
    SandboxHttp.Answer a = SandboxHttp.post(rig, path, form, null);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return a.body().get("id").asString();
  }

  private static JsonObject get(String path) {
    SandboxHttp.Answer a = SandboxHttp.get(rig, path);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return JsonParser.parseString(a.raw().body()).getAsJsonObject();
  }
}
