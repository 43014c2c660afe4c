package dev.invoicebridge.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.OwnSandboxAppTest;
import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Stripe backfill end to end in sandbox mode, over real HTTP: invoices seeded in the Stripe
 * emulator as history, the backfill started through the API and the settings page, and the mirror
 * and the Attio emulator checked against Stripe's state. A service of its own: its backfills apply
 * every invoice at Stripe, it counts the Attio writes of the whole service, and it turns sync off.
 */
class StripeBackfillTest extends OwnSandboxAppTest {
  static final Duration PATIENCE = Duration.ofSeconds(90);
  static final String BACKFILL = "/api/v1/sync/stripe/backfill";

  @Autowired Workspaces workspaces;
  @Autowired AttioClients attio;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  @Test
  void a_backfill_brings_every_stripe_invoice_into_the_mirror_and_attio_in_stripes_state() {
    List<String> people = rig.records("people");
    Map<String, String> personByEmail = new HashMap<>();
    List<String> seeded = new ArrayList<>();
    for (String person : people.subList(0, 3)) {
      String email = rig.attioRecord("people", person).primaryEmail().orElseThrow();
      personByEmail.put(email, person);
      seeded.addAll(seed(email, 45));
    }
    seeded.addAll(seed("nobody-in-attio@example.com", 15));
    int total = rig.stripeInvoiceCount();

    HttpResponse<String> started = post(BACKFILL, rig.token);
    HttpResponse<String> again = post(BACKFILL, rig.token);

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = Http.json(started).path("id").asString();
    assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);
    assertThat(again.statusCode()).as("a second start while one runs").isEqualTo(200);
    assertThat(Http.json(again).path("id").asString()).isEqualTo(id);
    JsonNode done = awaitFinished(id);
    assertThat(done.path("status").asString()).isEqualTo("succeeded");
    assertThat(done.path("processed").asLong()).isEqualTo(total);
    assertThat(done.path("total_estimate").asLong()).isEqualTo(total);
    assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
    assertThat(done.path("written").asLong() + done.path("unchanged").asLong()).isEqualTo(total);
    assertThat(done.path("failed").asLong()).isZero();
    assertThat(done.path("skipped").asLong()).isZero();

    assertThat(mirroredCount(seeded)).isEqualTo(150);
    Map<String, List<AttioRecord>> inAttio = attioInvoices();
    for (String stripeId : seeded) {
      JsonNode truth = Http.json(rig.stripe("GET", "/v1/invoices/" + stripeId));
      assertThat(inAttio.get(stripeId)).as(stripeId).hasSize(1);
      AttioRecord record = inAttio.get(stripeId).getFirst();
      assertThat(InvoiceRig.text(record, "status"))
          .isEqualTo(capitalised(truth.path("status").asString()));
      assertThat(new BigDecimal(InvoiceRig.text(record, "amount_paid")))
          .isEqualByComparingTo(BigDecimal.valueOf(truth.path("amount_paid").asLong(), 2));
      String email = truth.path("customer_email").asString();
      assertThat(InvoiceRig.reference(record, "person"))
          .isEqualTo(Optional.ofNullable(personByEmail.get(email)));
      assertThat(
              jdbc.sql("select status from invoice where provider_invoice_id = ?")
                  .param(stripeId)
                  .query(String.class)
                  .single())
          .isEqualTo(truth.path("status").asString());
    }
  }

  @Test
  void a_second_run_over_unchanged_invoices_writes_nothing_to_attio() {
    seed("rerun@example.com", 30);
    JsonNode first = awaitFinished(Http.json(post(BACKFILL, rig.token)).path("id").asString());
    assertThat(first.path("status").asString()).isEqualTo("succeeded");
    long writesBefore = attioWrites();

    JsonNode second = awaitFinished(Http.json(post(BACKFILL, rig.token)).path("id").asString());

    assertThat(second.path("id").asString()).isNotEqualTo(first.path("id").asString());
    assertThat(second.path("status").asString()).isEqualTo("succeeded");
    assertThat(second.path("processed").asLong()).isEqualTo(rig.stripeInvoiceCount());
    assertThat(second.path("unchanged").asLong()).isEqualTo(second.path("processed").asLong());
    assertThat(second.path("written").asLong()).isZero();
    assertThat(attioWrites()).as("writes that reached Attio").isEqualTo(writesBefore);
  }

  @Test
  void jobs_are_readable_by_operators_started_by_admins_and_unknown_ids_are_404() {
    String operator = tokens.issue(rig.workspace, "reader", Role.OPERATOR, "test").plaintext();
    String id = Http.json(post(BACKFILL, rig.token)).path("id").asString();
    awaitFinished(id);

    HttpResponse<String> read = get("/api/v1/jobs/" + id, operator);
    HttpResponse<String> listed = get("/api/v1/jobs?limit=5", operator);
    HttpResponse<String> refused = post(BACKFILL, operator);
    HttpResponse<String> unknown = get("/api/v1/jobs/" + UUID.randomUUID(), operator);
    HttpResponse<String> malformed = get("/api/v1/jobs/not-a-job", operator);
    HttpResponse<String> badLimit = get("/api/v1/jobs?limit=0", operator);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Http.json(read).path("kind").asString()).isEqualTo("stripe-backfill");
    assertThat(Http.json(listed).path("jobs").findValuesAsString("id")).contains(id);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    for (HttpResponse<String> missing : List.of(unknown, malformed)) {
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(Http.json(badLimit).path("errors").get(0).path("field").asString())
        .isEqualTo("limit");
  }

  @Test
  void a_workspace_without_stripe_gets_a_clear_conflict_and_sees_no_other_workspaces_jobs() {
    String id = Http.json(post(BACKFILL, rig.token)).path("id").asString();
    awaitFinished(id);
    Workspace bare = workspaces.create("bare-" + System.nanoTime() % 100_000, "No Stripe here");
    String admin = tokens.issue(bare.id(), "bare admin", Role.ADMIN, "test").plaintext();

    HttpResponse<String> refused = post(BACKFILL, admin);
    HttpResponse<String> foreign = get("/api/v1/jobs/" + id, admin);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Http.json(refused).path("code").asString()).isEqualTo("stripe_not_connected");
    assertThat(Http.json(refused).path("detail").asString()).contains("Stripe is not connected");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(Http.json(get("/api/v1/jobs", admin)).path("jobs")).isEmpty();
  }

  @Test
  void a_send_only_workspace_gets_a_clear_conflict_and_no_job() {
    String sync = "/api/v1/settings/sync";
    String auth = Http.bearer(rig.token);
    int jobsBefore = Http.json(get("/api/v1/jobs?limit=100", rig.token)).path("jobs").size();
    assertThat(http.putJson(sync, "{\"sync_invoices\": false}", "Authorization", auth).statusCode())
        .isEqualTo(200);
    try {
      HttpResponse<String> refused = post(BACKFILL, rig.token);

      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(Http.json(refused).path("code").asString()).isEqualTo("sync_off");
      assertThat(Http.json(refused).path("detail").asString()).contains("Sync invoices is off");
      assertThat(Http.json(get("/api/v1/jobs?limit=100", rig.token)).path("jobs"))
          .hasSize(jobsBefore);
    } finally {
      http.putJson(sync, "{\"sync_invoices\": true}", "Authorization", auth);
    }
  }

  @Test
  void the_settings_page_starts_a_backfill_and_its_panel_follows_it_to_the_end() {
    seed("panel@example.com", 10);
    Http browser = logIn("admin");

    HttpResponse<String> page = browser.get("/settings");
    HttpResponse<String> afterStart = browser.postForm("/settings", "/settings/backfill", Map.of());

    assertThat(page.body()).contains("Sync Stripe invoices", "<progress", "/js/backfill.js");
    assertThat(afterStart.statusCode()).isEqualTo(200);
    assertThat(afterStart.body()).contains("id=\"backfill\"");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode status = Http.json(browser.get("/settings/backfill/status"));
              assertThat(status.path("state").asString()).isEqualTo("succeeded");
              assertThat(status.path("percent").asDouble()).isEqualTo(100.0);
              assertThat(status.path("summary").asString()).startsWith("Done: ");
            });
    assertThat(browser.get("/settings").body()).contains("Done: ", "value=\"100.0\"");
    assertThat(browser.get("/js/backfill.js").statusCode()).isEqualTo(200);
    Http operator = logIn("operator");
    assertThat(operator.get("/settings/backfill/status").statusCode()).isEqualTo(403);
  }

  private List<String> seed(String email, int count) {
    JsonNode seeded =
        rig.stripeForm(
            "/_control/invoices/seed",
            "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&count=" + count);
    return seeded.path("invoices").valueStream().map(JsonNode::asString).toList();
  }

  private long mirroredCount(List<String> stripeIds) {
    return stripeIds.stream()
        .mapToLong(
            id ->
                jdbc.sql("select count(*) from invoice where provider_invoice_id = ?")
                    .param(id)
                    .query(Long.class)
                    .single())
        .sum();
  }

  /** The Attio invoice records by Stripe invoice id, read straight from the emulator. */
  private Map<String, List<AttioRecord>> attioInvoices() {
    Map<String, List<AttioRecord>> byId = new HashMap<>();
    RecordQuery query = RecordQuery.all().page(RecordQuery.MAX_LIMIT, 0);
    List<AttioRecord> page;
    do {
      page = attio.forWorkspace(rig.workspace).queryRecords("invoices", query);
      page.forEach(
          r ->
              byId.computeIfAbsent(
                      InvoiceRig.text(r, "provider_invoice_id"), k -> new ArrayList<>())
                  .add(r));
      query = query.next();
    } while (page.size() == query.limit());
    return byId;
  }

  /** Writes the app's Attio client sent and Attio answered (any status). */
  private long attioWrites() {
    return meters.find("invoicebridge.attio.requests").tag("kind", "write").timers().stream()
        .mapToLong(Timer::count)
        .sum();
  }

  private JsonNode awaitFinished(String id) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> Http.json(get("/api/v1/jobs/" + id, rig.token)),
            job -> job.path("status").asString().matches("succeeded|failed"));
  }

  private HttpResponse<String> post(String path, String token) {
    return http.postJson(path, "", "Authorization", Http.bearer(token));
  }

  private HttpResponse<String> get(String path, String token) {
    return http.get(path, "Authorization", Http.bearer(token));
  }

  private static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
