package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.OwnSandboxAppTest;
import dev.invoicebridge.vault.SecretVault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks at scale, over real HTTP: the Stripe emulator holds the events of almost two hundred
 * invoices driven through Stripe's states, then delivers them all at once, shuffled, with 30% of
 * them twice; the mirror and Attio must end exactly in Stripe's state.
 */
class WebhooksAtScaleTest extends OwnSandboxAppTest {
  static final int CREATED_BY_US = 12;
  static final int CREATED_IN_STRIPE = 168;

  @Autowired SecretVault vault;
  @Autowired AttioClients attio;
  @Autowired JdbcClient jdbc;
  @Autowired WebhookProcessor processor;
  @Autowired WebhookInbox inbox;
  @Autowired MeterRegistry metrics;
  StripeScenario stripe;

  @BeforeEach
  void setUp() {
    stripe = new StripeScenario(rig);
  }

  @AfterEach
  void deliverNormally() {
    rig.stripe("POST", "/_control/webhooks");
    rig.stripe("POST", "/_control/rate_limit?per_second=25");
  }

  @Test
  @Tag("slow")
  void a_thousand_events_shuffled_with_30_percent_duplicates_end_in_stripes_state_once_each() {
    long seed = Long.getLong("webhooks.seed", System.nanoTime());
    rig.stripe(
        "POST", "/_control/webhooks?hold=true&shuffled=true&duplicate_ratio=0.3&seed=" + seed);
    // Setting the scene is not under test: its own calls skip the test-mode limit, which is back
    // in force for the app's re-reads before anything is delivered.
    rig.stripe("POST", "/_control/rate_limit?per_second=0");
    Instant setUpAt = Instant.now();
    List<String> invoices = stripe.driveInvoices(CREATED_BY_US, CREATED_IN_STRIPE);
    Duration setUp = Duration.between(setUpAt, Instant.now());
    int held = Http.json(rig.stripe("GET", "/_control/webhooks")).path("held").asInt();
    assertThat(held).as("distinct invoice events held (seed %d)", seed).isGreaterThan(1000);
    rig.stripe("POST", "/_control/rate_limit?per_second=25");
    rig.stripe("POST", "/_control/stats/reset");
    double coveredBefore = covered();

    int attemptsBefore = attempts().size();
    Instant releasedAt = Instant.now();
    JsonNode released = Http.json(rig.stripe("POST", "/_control/webhooks/release"));

    assertThat(released.path("released").asInt()).isEqualTo(held + Math.round(0.3 * held));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(
                      Http.json(rig.stripe("GET", "/_control/webhooks")).path("idle").asBoolean())
                  .isTrue();
              assertThat(unprocessed()).isZero();
            });
    long stripeCalls = stripeCalls();
    long covered = Math.round(covered() - coveredBefore);
    System.out.printf(
        "[webhooks at scale] seed %d: %d invoices set up in %d s, %d events, %d deliveries,"
            + " applied in %d s with %d Stripe calls; %d events covered by a later read%n",
        seed,
        invoices.size(),
        setUp.toSeconds(),
        held,
        released.path("released").asInt(),
        Duration.between(releasedAt, Instant.now()).toSeconds(),
        stripeCalls,
        covered);
    Map<String, JsonNode> truth = stripe.invoicesById(invoices);
    assertThat(truth).hasSize(invoices.size());
    assertThat(truth.values())
        .extracting(i -> i.path("status").asString())
        .contains("paid", "open", "void", "uncollectible");
    assertMirrorIs(truth);
    assertAttioHasOneRecordEachLike(truth);
    assertEveryDeliveredEventStoredOnce(invoices, held, attemptsBefore);
  }

  @Test
  void an_event_received_before_a_completed_re_read_is_applied_without_calling_stripe() {
    String person = rig.records("people").get(3);
    String stripeId =
        rig.created(InvoiceRig.body("people", person, "finalize", ""))
            .path("provider_invoice_id")
            .asString();
    // Its own events arrive and are applied, the last of them after a read of Stripe.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(unprocessed()).isZero();
              assertThat(lastRead(stripeId)).isNotNull();
            });
    Instant read = lastRead(stripeId);
    String early = store("evt_early_" + stripeId, stripeId, read.minusSeconds(5));
    String late = store("evt_late_" + stripeId, stripeId, read);

    long before = stripeCalls();
    double coveredBefore = covered();
    String coveredOutcome =
        processor.apply(List.of(inbox.get(Provider.STRIPE, early).orElseThrow()));
    long afterCovered = stripeCalls();
    String lateOutcome = processor.apply(List.of(inbox.get(Provider.STRIPE, late).orElseThrow()));

    assertThat(coveredOutcome).endsWith("covered by a later read");
    assertThat(afterCovered - before).isZero();
    assertThat(covered() - coveredBefore).isEqualTo(1.0);
    assertThat(lateOutcome).endsWith("UNCHANGED");
    assertThat(stripeCalls() - afterCovered).isPositive();
    assertThat(lastRead(stripeId)).isAfter(read);
    assertThat(unprocessed()).isZero();
  }

  /** Events applied without a read of their own, as the processor counts them. */
  private double covered() {
    return Optional.ofNullable(
            metrics
                .find(WebhookProcessor.EVENTS_METRIC)
                .tags("provider", "stripe", "outcome", "covered")
                .counter())
        .map(Counter::count)
        .orElse(0.0);
  }

  private Instant lastRead(String stripeId) {
    return jdbc.sql("select synced_at from invoice where provider_invoice_id = ?")
        .param(stripeId)
        .query(java.sql.Timestamp.class)
        .optional()
        .map(java.sql.Timestamp::toInstant)
        .orElse(null);
  }

  /**
   * An event as the webhook endpoint stores it, received at {@code receivedAt}, but not due for an
   * hour: the test applies it, not the drain.
   */
  private String store(String eventId, String stripeId, Instant receivedAt) {
    jdbc.sql(
            "insert into webhook_inbox (provider, event_id, workspace_id, event_type, object_id,"
                + " received_at, next_attempt_at, attempts) values ('STRIPE', ?, ?,"
                + " 'invoice.updated', ?, ?, ?, 0)")
        .params(
            eventId,
            rig.workspace.value(),
            stripeId,
            java.sql.Timestamp.from(receivedAt),
            java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
        .update();
    return eventId;
  }

  private long stripeCalls() {
    return Http.json(rig.stripe("GET", "/_control/stats")).path("api_calls").asLong();
  }

  private void assertMirrorIs(Map<String, JsonNode> truth) {
    Map<String, Map<String, Object>> mirror =
        jdbc
            .sql(
                "select provider_invoice_id, status, total, amount_due, amount_paid,"
                    + " amount_remaining from invoice")
            .query()
            .listOfRows()
            .stream()
            .collect(Collectors.toMap(r -> (String) r.get("provider_invoice_id"), r -> r));
    truth.forEach(
        (id, invoice) -> {
          Map<String, Object> row = mirror.get(id);
          assertThat(row).as("mirror row of %s", id).isNotNull();
          assertThat(row.get("status")).as(id).isEqualTo(invoice.path("status").asString());
          for (String amount : List.of("total", "amount_due", "amount_paid", "amount_remaining")) {
            assertThat(((Number) row.get(amount)).longValue())
                .as("%s of %s", amount, id)
                .isEqualTo(invoice.path(amount).asLong());
          }
        });
  }

  private void assertAttioHasOneRecordEachLike(Map<String, JsonNode> truth) {
    Map<String, List<AttioRecord>> records =
        allAttioInvoices().stream()
            .collect(Collectors.groupingBy(r -> InvoiceRig.text(r, "provider_invoice_id")));
    truth.forEach(
        (id, invoice) -> {
          assertThat(records.get(id)).as("Attio records of %s", id).hasSize(1);
          AttioRecord record = records.get(id).getFirst();
          assertThat(InvoiceRig.text(record, "status"))
              .as("Attio status of %s", id)
              .isEqualToIgnoringCase(invoice.path("status").asString());
          for (String amount : List.of("total", "amount_due", "amount_paid", "amount_remaining")) {
            assertThat(new BigDecimal(InvoiceRig.text(record, amount)).movePointRight(2))
                .as("Attio %s of %s", amount, id)
                .isEqualByComparingTo(BigDecimal.valueOf(invoice.path(amount).asLong()));
          }
        });
  }

  /** The inbox holds each delivered event once; 30% of them were delivered twice. */
  private void assertEveryDeliveredEventStoredOnce(
      List<String> invoices, int held, int attemptsBefore) {
    List<String> stored =
        jdbc.sql("select event_id from webhook_inbox where object_id in (:ids)")
            .param("ids", invoices)
            .query(String.class)
            .list();
    Map<String, Long> deliveries =
        attempts().stream()
            .skip(attemptsBefore)
            .filter(a -> a.path("status").asInt() == 200)
            .map(a -> a.path("eventId").asString())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(stored).hasSize(held).doesNotHaveDuplicates();
    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(deliveries.values().stream().filter(n -> n == 2).count())
        .isEqualTo(Math.round(0.3 * held));
  }

  /** Every delivery attempt the emulator made, in the order made. */
  private List<JsonNode> attempts() {
    return Http.json(rig.stripe("GET", "/_control/webhooks/attempts"))
        .path("data")
        .valueStream()
        .toList();
  }

  private List<AttioRecord> allAttioInvoices() {
    List<AttioRecord> all = new ArrayList<>();
    RecordQuery query = RecordQuery.all();
    List<AttioRecord> page;
    do {
      page = attio.forWorkspace(rig.workspace).queryRecords("invoices", query);
      all.addAll(page);
      query = query.next();
    } while (page.size() == query.limit());
    return all;
  }

  private long unprocessed() {
    return jdbc.sql("select count(*) from webhook_inbox where processed_at is null")
        .query(Long.class)
        .single();
  }
}
