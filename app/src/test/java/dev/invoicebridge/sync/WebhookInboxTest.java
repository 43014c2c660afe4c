package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook inbox and its claims, on H2 and on real PostgreSQL. */
class WebhookInboxTest {
  static final Duration LEASE = Duration.ofMinutes(5);

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
  JdbcTemplate template;
  JdbcClient jdbc;
  WorkspaceId workspace;
  WebhookInbox inbox;

  /** Claims exist where several instances share the database: on PostgreSQL. */
  @ParameterizedTest
  @EnumSource(value = TestDatabases.Kind.class, names = "POSTGRES")
  void an_event_is_stored_once_and_claimed_by_one_drain_until_its_lease_runs_out(
      TestDatabases.Kind kind) {
    start(kind);

    assertThat(inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{}")).isTrue();
    assertThat(inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{}")).isFalse();
    InboxEvent claimed = inbox.claim(10, LEASE).getFirst();
    assertThat(claimed.eventId()).isEqualTo("evt_1");
    assertThat(claimed.objectId()).hasValue("in_1");
    assertThat(claimed.type()).isEqualTo("invoice.paid");
    assertThat(claimed.attempts()).isZero();

    assertThat(inbox.claim(10, LEASE)).isEmpty();
    clock.advance(LEASE.minusSeconds(1));
    assertThat(inbox.claim(10, LEASE)).isEmpty();
    // The drain that claimed it died: once the lease has run out another one takes it.
    clock.advance(Duration.ofSeconds(2));
    assertThat(inbox.claim(10, LEASE)).extracting(InboxEvent::eventId).containsExactly("evt_1");
  }

  @Test
  void on_h2_the_one_drain_takes_due_events_without_writing_claims() {
    start(TestDatabases.Kind.H2);
    inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{}");

    assertThat(inbox.claim(10, LEASE)).extracting(InboxEvent::eventId).containsExactly("evt_1");
    // An H2 file is open in one process: its drain, which finishes a batch before taking the
    // next, is the only one.
    assertThat(inbox.claim(10, LEASE)).extracting(InboxEvent::eventId).containsExactly("evt_1");
    assertThat(
            jdbc.sql("select count(*) from webhook_inbox where claimed_by is not null")
                .query(Long.class)
                .single())
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_raw_event_is_kept_as_received_through_claims_and_marks(TestDatabases.Kind kind) {
    start(kind);
    // As large as a real invoice event, with characters beyond ASCII.
    String payload = "{\"id\":\"evt_1\",\"data\":\"" + "é€x".repeat(3000) + "\"}";
    inbox.store(workspace, Provider.STRIPE, event("evt_1"), payload);

    inbox.processed(inbox.claim(10, LEASE));

    assertThat(
            jdbc.sql("select payload from webhook_payload where event_id = 'evt_1'")
                .query(String.class)
                .single())
        .isEqualTo(payload);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_duplicate_delivery_stores_nothing_and_keeps_the_first_body(TestDatabases.Kind kind) {
    start(kind);
    assertThat(inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{\"first\":1}")).isTrue();

    assertThat(inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{\"again\":2}")).isFalse();

    assertThat(jdbc.sql("select payload from webhook_payload").query(String.class).list())
        .containsExactly("{\"first\":1}");
    assertThat(jdbc.sql("select count(*) from webhook_inbox").query(Long.class).single()).isOne();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_event_whose_body_cannot_be_stored_is_not_stored_at_all(TestDatabases.Kind kind) {
    start(kind);

    // No body: the body's insert fails, after the event's.
    assertThatThrownBy(() -> inbox.store(workspace, Provider.STRIPE, event("evt_1"), null))
        .isInstanceOf(DataAccessException.class);

    assertThat(jdbc.sql("select count(*) from webhook_inbox").query(Long.class).single()).isZero();
    // Stripe delivers it again; this time it is stored.
    assertThat(inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{}")).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_same_event_delivered_concurrently_is_stored_once_with_one_body(TestDatabases.Kind kind)
      throws Exception {
    start(kind);
    CyclicBarrier together = new CyclicBarrier(4);
    List<CompletableFuture<Boolean>> deliveries =
        IntStream.range(0, 4)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          await(together);
                          return inbox.store(
                              workspace, Provider.STRIPE, event("evt_1"), "{\"n\":" + i + "}");
                        }))
            .toList();

    List<Boolean> fresh = new ArrayList<>();
    for (CompletableFuture<Boolean> delivery : deliveries) {
      fresh.add(delivery.get());
    }
    assertThat(fresh).containsOnlyOnce(true);
    assertThat(jdbc.sql("select count(*) from webhook_payload").query(Long.class).single()).isOne();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_failed_event_is_due_again_at_its_retry_time_and_an_applied_one_never(
      TestDatabases.Kind kind) {
    start(kind);
    inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{}");

    inbox.failed(
        inbox.claim(10, LEASE), "InvoicingFailure UNAVAILABLE", clock.instant().plusSeconds(4));
    assertThat(inbox.claim(10, LEASE)).isEmpty();
    assertThat(new InboxStats(jdbc).failing(workspace, Provider.STRIPE, 10))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.attempts()).isOne();
              assertThat(f.lastError()).isEqualTo("InvoicingFailure UNAVAILABLE");
            });
    clock.advance(Duration.ofSeconds(4));
    List<InboxEvent> retried = inbox.claim(10, LEASE);
    assertThat(retried).singleElement().extracting(InboxEvent::attempts).isEqualTo(1);

    inbox.processed(retried);
    clock.advance(Duration.ofHours(1));
    assertThat(inbox.claim(10, LEASE)).isEmpty();
    assertThat(inbox.get(Provider.STRIPE, "evt_1").orElseThrow().processedAt()).isPresent();
    assertThat(new InboxStats(jdbc).failingCount(workspace, Provider.STRIPE)).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void released_events_are_due_at_once_and_older_ones_come_first(TestDatabases.Kind kind) {
    start(kind);
    inbox.store(workspace, Provider.STRIPE, event("evt_1"), "{}");
    clock.advance(Duration.ofSeconds(1));
    inbox.store(workspace, Provider.STRIPE, event("evt_2"), "{}");
    clock.advance(Duration.ofSeconds(1));
    inbox.store(workspace, Provider.STRIPE, event("evt_3"), "{}");

    List<InboxEvent> first = inbox.claim(2, LEASE);
    assertThat(first).extracting(InboxEvent::eventId).containsExactlyInAnyOrder("evt_1", "evt_2");
    inbox.release(first);

    assertThat(inbox.claim(10, LEASE))
        .extracting(InboxEvent::eventId)
        .containsExactlyInAnyOrder("evt_1", "evt_2", "evt_3");
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabases.Kind.class, names = "POSTGRES")
  void two_drains_claiming_at_the_same_time_never_take_the_same_event(TestDatabases.Kind kind)
      throws Exception {
    start(kind);
    for (int i = 0; i < 150; i++) {
      inbox.store(workspace, Provider.STRIPE, event("evt_" + i), "{}");
    }
    // Two instances: each its own repository on the one database, claiming in small batches.
    List<WebhookInbox> drains =
        List.of(new WebhookInbox(template, clock), new WebhookInbox(template, clock));
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<List<String>>> claims =
        drains.stream()
            .map(
                drain ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          List<String> mine = new ArrayList<>();
                          await(together);
                          for (List<InboxEvent> batch = drain.claim(10, LEASE);
                              !batch.isEmpty();
                              batch = drain.claim(10, LEASE)) {
                            batch.forEach(e -> mine.add(e.eventId()));
                          }
                          return mine;
                        }))
            .toList();

    List<String> all = new ArrayList<>();
    for (CompletableFuture<List<String>> claim : claims) {
      all.addAll(claim.get());
    }
    assertThat(all)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 150).mapToObj(i -> "evt_" + i).toList());
  }

  private void start(TestDatabases.Kind kind) {
    template = new JdbcTemplate(TestDatabases.migrated(kind));
    jdbc = JdbcClient.create(template);
    workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    inbox = new WebhookInbox(template, clock);
  }

  private WebhookEvent event(String id) {
    return new WebhookEvent(id, "invoice.paid", clock.instant(), Optional.of("in_1"));
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
