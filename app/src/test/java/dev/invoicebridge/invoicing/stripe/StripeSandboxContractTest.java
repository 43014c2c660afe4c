package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.Stripe;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of object the sandbox returns has, at every depth, the field set of Stripe's official
 * fixture for its type (variants included: each invoice status, each way to price an item, events,
 * deleted objects, the list envelope), and deserializes with stripe-java into a populated model.
 */
class StripeSandboxContractTest {
  private static final Map<String, Case> CASES = new LinkedHashMap<>();
  private static StripeSandboxRig rig;

  /** One object the sandbox answered, the fixture it must match and what its model must hold. */
  private record Case(
      String fixtureType, JsonObject ours, Class<? extends StripeObject> model, Check check) {}

  @FunctionalInterface
  private interface Check extends Consumer<Object> {}

  @BeforeAll
  static void start() {
    rig = new StripeSandboxRig();
    String customer = post("/v1/customers", "email=c%40contract.example&name=C&metadata[crm]=1");
    String price = rig.sandbox().seedPrice("Contract product", "usd", 1_500);
    String product = get("/v1/prices/" + price).get("product").getAsString();
    String draft = draft(customer);
    String byPrice = item(draft, "pricing[price]=" + price + "&quantity=2");
    String byPriceData =
        item(
            draft,
            "price_data[currency]=usd&price_data[product]="
                + product
                + "&price_data[unit_amount]=700&quantity=3&description=Inline");
    String byAmount = item(draft, "amount=900&currency=usd&description=Flat");
    String open = finalized(customer);
    String paid = finalized(customer);
    post("/v1/invoices/" + paid + "/pay", "paid_out_of_band=true");
    String voided = finalized(customer);
    post("/v1/invoices/" + voided + "/void", "");
    String endpoint =
        post(
            "/v1/webhook_endpoints",
            "url=https%3A%2F%2Fexample.com%2Fhook&enabled_events[]=invoice.paid");
    add(
        "customer",
        "customer",
        get("/v1/customers/" + customer),
        Customer.class,
        o -> {
          Customer c = (Customer) o;
          assertThat(c.getId()).isEqualTo(customer);
          assertThat(c.getEmail()).isEqualTo("c@contract.example");
          assertThat(c.getCreated()).isPositive();
          assertThat(c.getInvoicePrefix()).isNotBlank();
          assertThat(c.getInvoiceSettings()).isNotNull();
          assertThat(c.getMetadata()).containsEntry("crm", "1");
        });
    add(
        "product",
        "product",
        get("/v1/products/" + product),
        Product.class,
        o -> {
          Product p = (Product) o;
          assertThat(p.getName()).isEqualTo("Contract product");
          assertThat(p.getActive()).isTrue();
          assertThat(p.getDefaultPrice()).isEqualTo(price);
        });
    add(
        "price",
        "price",
        get("/v1/prices/" + price),
        Price.class,
        o -> {
          Price p = (Price) o;
          assertThat(p.getProduct()).isEqualTo(product);
          assertThat(p.getUnitAmount()).isEqualTo(1_500L);
          assertThat(p.getCurrency()).isEqualTo("usd");
          assertThat(p.getType()).isEqualTo("one_time");
        });
    add(
        "invoice (draft)",
        "invoice",
        get("/v1/invoices/" + draft),
        Invoice.class,
        o -> {
          Invoice i = invoice(o, "draft");
          assertThat(i.getLines().getData()).hasSize(3);
          assertThat(i.getTotal()).isEqualTo(2 * 1_500L + 3 * 700L + 900L);
          assertThat(i.getNumber()).isNull();
        });
    add(
        "invoice (open)",
        "invoice",
        get("/v1/invoices/" + open),
        Invoice.class,
        o -> {
          Invoice i = invoice(o, "open");
          assertThat(i.getNumber()).isNotBlank();
          assertThat(i.getHostedInvoiceUrl()).startsWith("https://");
          assertThat(i.getStatusTransitions().getFinalizedAt()).isPositive();
          assertThat(i.getAmountRemaining()).isEqualTo(2_500L);
        });
    add(
        "invoice (paid)",
        "invoice",
        get("/v1/invoices/" + paid),
        Invoice.class,
        o -> {
          Invoice i = invoice(o, "paid");
          assertThat(i.getAmountPaid()).isEqualTo(2_500L);
          assertThat(i.getStatusTransitions().getPaidAt()).isPositive();
        });
    add(
        "invoice (void)",
        "invoice",
        get("/v1/invoices/" + voided),
        Invoice.class,
        o -> {
          Invoice i = invoice(o, "void");
          assertThat(i.getStatusTransitions().getVoidedAt()).isPositive();
        });
    add(
        "invoiceitem (pricing[price])",
        "invoiceitem",
        invoiceItem(byPrice),
        InvoiceItem.class,
        o -> {
          InvoiceItem i = item(o, 3_000L);
          assertThat(i.getPricing().getPriceDetails().getPrice()).isEqualTo(price);
          assertThat(i.getQuantity()).isEqualTo(2L);
        });
    add(
        "invoiceitem (price_data)",
        "invoiceitem",
        invoiceItem(byPriceData),
        InvoiceItem.class,
        o -> {
          InvoiceItem i = item(o, 2_100L);
          assertThat(i.getPricing().getPriceDetails().getProduct()).isEqualTo(product);
          assertThat(i.getPricing().getPriceDetails().getPrice()).startsWith("price_");
          assertThat(i.getDescription()).isEqualTo("Inline");
        });
    add(
        "invoiceitem (amount)",
        "invoiceitem",
        invoiceItem(byAmount),
        InvoiceItem.class,
        o -> {
          InvoiceItem i = item(o, 900L);
          assertThat(i.getDescription()).isEqualTo("Flat");
        });
    JsonObject lines = get("/v1/invoices/" + draft + "/lines");
    for (JsonElement line : lines.getAsJsonArray("data")) {
      String description = line.getAsJsonObject().get("description").getAsString();
      add(
          "line_item (" + description + ")",
          "line_item",
          line.getAsJsonObject(),
          InvoiceLineItem.class,
          o -> {
            InvoiceLineItem l = (InvoiceLineItem) o;
            assertThat(l.getId()).startsWith("il_");
            assertThat(l.getInvoice()).isEqualTo(draft);
            assertThat(l.getAmount()).isPositive();
            assertThat(l.getDescription()).isEqualTo(description);
            assertThat(l.getParent().getInvoiceItemDetails().getInvoiceItem()).startsWith("ii_");
            assertThat(l.getPricing().getType()).isEqualTo("price_details");
          });
    }
    add(
        "webhook_endpoint",
        "webhook_endpoint",
        get("/v1/webhook_endpoints/" + endpoint),
        WebhookEndpoint.class,
        o -> {
          WebhookEndpoint w = (WebhookEndpoint) o;
          assertThat(w.getUrl()).isEqualTo("https://example.com/hook");
          assertThat(w.getEnabledEvents()).containsExactly("invoice.paid");
          assertThat(w.getStatus()).isEqualTo("enabled");
          assertThat(w.getSecret()).as("shown only at creation").isNull();
        });
    add("list envelope", "list", get("/v1/customers?limit=1"), null, o -> {});
    String spare = post("/v1/products", "name=Spare");
    add(
        "deleted_product",
        "deleted_product",
        delete("/v1/products/" + spare),
        Product.class,
        o -> {
          assertThat(((Product) o).getDeleted()).isTrue();
          assertThat(((Product) o).getId()).isEqualTo(spare);
        });
    add(
        "deleted_invoiceitem",
        "deleted_invoiceitem",
        delete("/v1/invoiceitems/" + byAmount),
        InvoiceItem.class,
        o -> {
          assertThat(((InvoiceItem) o).getDeleted()).isTrue();
        });
    String doomed = draft(customer);
    add(
        "deleted_invoice",
        "deleted_invoice",
        delete("/v1/invoices/" + doomed),
        Invoice.class,
        o -> {
          assertThat(((Invoice) o).getDeleted()).isTrue();
          assertThat(((Invoice) o).getId()).isEqualTo(doomed);
        });
    add(
        "deleted_webhook_endpoint",
        "deleted_webhook_endpoint",
        delete("/v1/webhook_endpoints/" + endpoint),
        WebhookEndpoint.class,
        o -> {
          assertThat(((WebhookEndpoint) o).getDeleted()).isTrue();
        });
    String gone = post("/v1/customers", "email=gone%40contract.example");
    add(
        "deleted_customer",
        "deleted_customer",
        delete("/v1/customers/" + gone),
        Customer.class,
        o -> {
          assertThat(((Customer) o).getDeleted()).isTrue();
        });
  }

  /** The parts every invoice model must have, whatever its status. */
  private static Invoice invoice(Object o, String status) {
    Invoice i = (Invoice) o;
    assertThat(i.getId()).startsWith("in_");
    assertThat(i.getStatus()).isEqualTo(status);
    assertThat(i.getCustomer()).startsWith("cus_");
    assertThat(i.getCurrency()).isEqualTo("usd");
    assertThat(i.getCollectionMethod()).isEqualTo("send_invoice");
    assertThat(i.getDueDate()).isPositive();
    assertThat(i.getAutomaticTax().getEnabled()).isFalse();
    assertThat(i.getStatusTransitions()).isNotNull();
    assertThat(i.getLines().getData()).isNotEmpty();
    return i;
  }

  private static InvoiceItem item(Object o, long amount) {
    InvoiceItem i = (InvoiceItem) o;
    assertThat(i.getId()).startsWith("ii_");
    assertThat(i.getAmount()).isEqualTo(amount);
    assertThat(i.getCurrency()).isEqualTo("usd");
    assertThat(i.getInvoice()).startsWith("in_");
    assertThat(i.getPricing().getType()).isEqualTo("price_details");
    return i;
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  static Stream<String> cases() {
    return CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void the_object_has_the_fixture_fields_at_every_depth(String name) {
    FixtureShapes shapes = shapes();
    Case c = CASES.get(name);

    List<String> differences = new ArrayList<>();
    if (c.fixtureType().equals("list")) {
      differences.addAll(shapes.differences("list", c.ours(), listEnvelope(shapes)));
      for (JsonElement item : c.ours().getAsJsonArray("data")) {
        JsonObject o = item.getAsJsonObject();
        differences.addAll(shapes.differences(o.get("object").getAsString(), o));
      }
    } else {
      differences.addAll(shapes.differences(c.fixtureType(), c.ours()));
    }

    assertThat(differences).as(name).isEmpty();
  }

  static Stream<String> modelled() {
    return CASES.entrySet().stream().filter(e -> e.getValue().model() != null).map(e -> e.getKey());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelled")
  void the_object_deserializes_into_a_stripe_java_model_that_keeps_every_field(String name) {
    Case c = CASES.get(name);

    StripeObject parsed = ApiResource.GSON.fromJson(c.ours(), c.model());
    Set<String> known = JsonParser.parseString(parsed.toJson()).getAsJsonObject().keySet();

    // Every field we send with a value is one stripe-java knows and kept.
    c.ours().entrySet().stream()
        .filter(e -> !e.getValue().isJsonNull())
        .forEach(e -> assertThat(known).as("%s.%s", name, e.getKey()).contains(e.getKey()));
    c.check().accept(parsed);
  }

  @Test
  void every_event_matches_the_event_fixture_and_its_object_the_fixture_of_its_type() {
    FixtureShapes shapes = shapes();
    List<String> differences = new ArrayList<>();
    Set<String> types = new java.util.TreeSet<>();

    for (JsonElement e : get("/v1/events?limit=100").getAsJsonArray("data")) {
      JsonObject event = e.getAsJsonObject();
      JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
      String type = event.get("type").getAsString();
      types.add(type);
      differences.addAll(prefixed(type, shapes.differences("event", event)));
      differences.addAll(
          prefixed(type, shapes.differences(object.get("object").getAsString(), object)));
      Event parsed = ApiResource.GSON.fromJson(event, Event.class);
      assertThat(parsed.getApiVersion()).isEqualTo(Stripe.API_VERSION);
      assertThat(parsed.getDataObjectDeserializer().getObject()).as(type).isPresent();
    }

    assertThat(types)
        .contains(
            "customer.created",
            "invoice.finalized",
            "invoice.paid",
            "invoice.voided",
            "invoice.updated",
            "invoice.deleted",
            "invoiceitem.created",
            "product.deleted");
    assertThat(differences).isEmpty();
  }

  private static List<String> prefixed(String type, List<String> differences) {
    return differences.stream().map(d -> "[" + type + "] " + d).toList();
  }

  /**
   * The fixtures' one list envelope is an invoice's lines; its items are line items, so the
   * envelope is compared without them and each item with the fixture of its own type.
   */
  private static JsonObject listEnvelope(FixtureShapes shapes) {
    JsonObject envelope = shapes.fixture("invoice").getAsJsonObject("lines").deepCopy();
    envelope.add("data", new JsonArray());
    return envelope;
  }

  private static FixtureShapes shapes() {
    return FixtureShapes.load()
        .orElseGet(
            () -> {
              Assumptions.abort(
                  "Stripe's fixtures (../shared/specs/stripe-fixtures3.json) are absent;"
                      + " contract not checked");
              return null;
            });
  }

  private static void add(
      String name,
      String fixture,
      JsonObject ours,
      Class<? extends StripeObject> model,
      Check check) {
    CASES.put(name, new Case(fixture, ours, model, check));
  }

  private static String draft(String customer) {
    return post(
        "/v1/invoices",
        "customer=" + customer + "&collection_method=send_invoice&days_until_due=7");
  }

  private static String finalized(String customer) {
    String invoice = draft(customer);
    item(invoice, "amount=2500&currency=usd&description=Work");
    post("/v1/invoices/" + invoice + "/finalize", "");
    return invoice;
  }

  private static String item(String invoice, String form) {
    return post("/v1/invoiceitems", "invoice=" + invoice + "&" + form);
  }

  private static JsonObject invoiceItem(String id) {
    return get("/v1/invoiceitems/" + id);
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

  private static JsonObject delete(String path) {
    SandboxHttp.Answer a =
        SandboxHttp.send(rig, SandboxHttp.request(rig, path).DELETE(), StripeSandboxRig.SECRET_KEY);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return JsonParser.parseString(a.raw().body()).getAsJsonObject();
  }
}
