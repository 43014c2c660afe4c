package dev.invoicebridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.Filter;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.invoicing.stripe.StripeSignatures;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What invoice tests need around a running sandbox-mode app: its API as an operator token, the
 * Stripe emulator with the account's key, and the Attio invoices object.
 */
public final class InvoiceRig {
  // One client for every form post: hundreds of calls in some tests, each on a kept-alive
  // connection.
  private static final HttpClient STRIPE_FORMS = HttpClient.newHttpClient();

  public final Http http;
  public final String token;
  public final WorkspaceId workspace;
  private final String stripeKey;
  private final AttioClients attio;

  public InvoiceRig(
      int port, Path data, Workspaces workspaces, SecretVault vault, AttioClients attio) {
    this.http = new Http(port);
    this.token = dev.invoicebridge.support.SandboxApp.apiToken(data);
    this.workspace = workspaces.all().getFirst().id();
    this.stripeKey = vault.get(workspace, "sandbox.stripe_secret_key").orElseThrow().reveal();
    this.attio = attio;
  }

  public HttpResponse<String> post(String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Authorization", Http.bearer(token)));
    all.addAll(List.of(headers));
    return http.postJson("/api/v1/invoices", body, all.toArray(String[]::new));
  }

  public JsonNode created(String body) {
    HttpResponse<String> response = post(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Http.json(response);
  }

  public JsonNode get(String path) {
    HttpResponse<String> response = http.get(path, "Authorization", Http.bearer(token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  /** Record ids of an object in the seeded Attio workspace, in the browser's order. */
  public List<String> records(String object) {
    return get("/api/v1/records/" + object + "?limit=100")
        .path("records")
        .findValuesAsString("record_id");
  }

  /** A record read straight from the Attio emulator. */
  public AttioRecord attioRecord(String object, String recordId) {
    return attio
        .forWorkspace(workspace)
        .getRecord(object, new dev.invoicebridge.attio.RecordId(recordId));
  }

  /** Record ids a record references through one attribute. */
  public List<String> referenced(String object, String recordId, String attribute) {
    return attioRecord(object, recordId).all(attribute).stream()
        .map(v -> ((dev.invoicebridge.attio.AttioValue.RecordReference) v).targetRecordId().value())
        .toList();
  }

  /** A request body for {@code object}/{@code recordId} with one custom line. */
  public static String body(String object, String recordId, String action, String extra) {
    return """
        {"provider": "stripe", "record": {"object": "%s", "record_id": "%s"},
         "lines": [{"description": "Consulting", "unit_amount": 12500, "quantity": 2}],
         "currency": "usd", "days_until_due": 14, "action": "%s"%s}
        """
        .formatted(object, recordId, action, extra);
  }

  /**
   * Calls the Stripe emulator as the connected account does. The emulator enforces Stripe's
   * test-mode limit of 25 requests per second, which the app's own calls share, so a 429 is waited
   * out as stripe-java would.
   */
  public HttpResponse<String> stripe(String method, String path) {
    String[] auth = {"Authorization", "Bearer " + stripeKey};
    return org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .pollDelay(java.time.Duration.ZERO)
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () ->
                switch (method) {
                  case "GET" -> http.get("/sandbox/stripe" + path, auth);
                  case "POST" -> http.postJson("/sandbox/stripe" + path, "", auth);
                  default -> throw new IllegalArgumentException(method);
                },
            r -> r.statusCode() != 429);
  }

  /** Posts a form to the Stripe emulator's API as the account, as stripe-java would. */
  public JsonNode stripeForm(String path, String form) {
    // A 429 means the request was not processed, so it is safe to send again.
    HttpResponse<String> response =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .pollDelay(java.time.Duration.ZERO)
            .pollInterval(java.time.Duration.ofMillis(200))
            .until(() -> postForm(path, form), r -> r.statusCode() != 429);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private HttpResponse<String> postForm(String path, String form) {
    try {
      return STRIPE_FORMS.send(
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(http.base() + "/sandbox/stripe" + path))
              .header("Authorization", "Bearer " + stripeKey)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * An invoice made in Stripe's dashboard, not through Invoicebridge: a new customer, one item of
   * {@code amount} cents in usd, finalized. Returns its Stripe id.
   */
  public String dashboardInvoice(
      String customerName, String email, long amount, String description) {
    String customer =
        stripeForm("/v1/customers", "name=" + encode(customerName) + "&email=" + encode(email))
            .path("id")
            .asString();
    String stripeId =
        stripeForm(
                "/v1/invoices",
                "customer=" + customer + "&collection_method=send_invoice&days_until_due=10")
            .path("id")
            .asString();
    stripeForm(
        "/v1/invoiceitems",
        "customer=%s&invoice=%s&amount=%d&currency=usd&description=%s"
            .formatted(customer, stripeId, amount, encode(description)));
    stripeForm("/v1/invoices/" + stripeId + "/finalize", "");
    return stripeId;
  }

  /**
   * Delivers {@code payload} to the app's Stripe webhook endpoint, signed now with {@code secret}.
   */
  public HttpResponse<String> deliverStripeEvent(String payload, Secret secret) {
    return http.postJson(
        "/webhooks/stripe/" + workspace.value(),
        payload,
        "Stripe-Signature",
        StripeSignatures.sign(payload, secret, Instant.now()));
  }

  /** A Stripe event about invoice {@code invoiceId}, created now, as Stripe sends it. */
  public static String stripeEvent(String id, String type, String invoiceId) {
    return """
        {"id": "%s", "object": "event", "type": "%s", "created": %d, "livemode": false,
         "api_version": "2026-07-29.dahlia", "data": {"object": {"id": "%s", "object": "invoice"}}}
        """
        .formatted(id, type, Instant.now().getEpochSecond(), invoiceId);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Every invoice at the Stripe emulator, newest first, paged through as a client would: no count
   * or search over it is capped by a full first page, however many invoices other tests of a shared
   * service made.
   */
  public List<JsonNode> stripeInvoices() {
    List<JsonNode> all = new ArrayList<>();
    String after = "";
    while (true) {
      JsonNode page = Http.json(stripe("GET", "/v1/invoices?limit=100" + after));
      page.path("data").forEach(all::add);
      if (!page.path("has_more").asBoolean()) {
        return all;
      }
      after = "&starting_after=" + all.getLast().path("id").asString();
    }
  }

  public int stripeInvoiceCount() {
    return stripeInvoices().size();
  }

  /**
   * Every invoice the service's API lists for the workspace, paged through like the count above.
   */
  public int invoiceCount() {
    int total = 0;
    while (true) {
      int page = get("/api/v1/invoices?limit=100&offset=" + total).path("invoices").size();
      total += page;
      if (page < 100) {
        return total;
      }
    }
  }

  /** Stripe's invoices that Invoicebridge created under our invoice id. */
  public List<JsonNode> stripeInvoicesFor(String invoiceId) {
    return stripeInvoices().stream()
        .filter(
            i ->
                i.path("metadata")
                    .path("invoicebridge_reference")
                    .asString("")
                    .equals("ib-" + invoiceId))
        .toList();
  }

  /** The Attio invoice records with this Stripe invoice id. */
  public List<AttioRecord> attioInvoices(String providerInvoiceId) {
    return attio
        .forWorkspace(workspace)
        .queryRecords(
            "invoices",
            RecordQuery.all().filter(Filter.eq("provider_invoice_id", providerInvoiceId)));
  }

  /** The one Attio invoice record for the Stripe invoice. */
  public AttioRecord attioInvoice(String providerInvoiceId) {
    List<AttioRecord> found = attioInvoices(providerInvoiceId);
    assertThat(found).hasSize(1);
    return found.getFirst();
  }

  public static Optional<String> reference(AttioRecord record, String attribute) {
    return record.all(attribute).stream()
        .filter(dev.invoicebridge.attio.AttioValue.RecordReference.class::isInstance)
        .map(v -> ((dev.invoicebridge.attio.AttioValue.RecordReference) v).targetRecordId().value())
        .findFirst();
  }

  public static String text(AttioRecord record, String attribute) {
    return record.first(attribute).map(InvoiceRig::plain).orElse(null);
  }

  private static String plain(dev.invoicebridge.attio.AttioValue value) {
    return switch (value) {
      case dev.invoicebridge.attio.AttioValue.Text t -> t.value();
      case dev.invoicebridge.attio.AttioValue.Select s -> s.title();
      case dev.invoicebridge.attio.AttioValue.Currency c -> c.amount().toPlainString();
      default -> value.toString();
    };
  }
}
