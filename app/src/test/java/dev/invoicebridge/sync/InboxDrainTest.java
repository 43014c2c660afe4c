package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.jobs.BackgroundPriority;
import dev.invoicebridge.jobs.BackgroundPriorityTest;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The drain on H2 and PostgreSQL, with an applier that records what it is given and marks it
 * applied as the processor does. It never looks at the inbox by itself in these tests (its poll is
 * an hour), so what it applies it was woken for.
 */
class InboxDrainTest {
  static final Duration NEVER = Duration.ofHours(1);

  final Clock clock = Clock.systemUTC();
  final List<InboxDrain> drains = new ArrayList<>();
  JdbcTemplate template;
  JdbcClient jdbc;
  WorkspaceId workspace;
  WebhookInbox inbox;

  @AfterEach
  void stopDrains() {
    drains.forEach(InboxDrain::stop);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_accepted_event_is_applied_at_once_and_a_duplicate_is_not_applied_again(
      TestDatabases.Kind kind) {
    start(kind);
    Recorder applied = new Recorder(inbox);
    WebhookIntake intake = new WebhookIntake(inbox, drain(applied));

    assertThat(intake.accept(workspace, Provider.STRIPE, event("evt_1", "in_1"), "{}")).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> applied.events().size() == 1);
    assertThat(intake.accept(workspace, Provider.STRIPE, event("evt_1", "in_1"), "{}")).isFalse();

    assertThat(applied.events()).containsExactly("evt_1");
    assertThat(inbox.get(Provider.STRIPE, "evt_1").orElseThrow().processedAt()).isPresent();
  }

  @Test
  void events_are_applied_on_background_threads_that_yield_the_cpu_to_deliveries() {
    assumeTrue(
        Files.isReadable(BackgroundPriorityTest.OWN_STAT), "thread priorities are read on Linux");
    assumeTrue(
        BackgroundPriorityTest.ownNice() < BackgroundPriority.NICE,
        "the tests already run at background priority");
    start(TestDatabases.Kind.H2);
    ConcurrentLinkedQueue<Integer> nices = new ConcurrentLinkedQueue<>();
    Recorder applied = new Recorder(inbox);
    WebhookIntake intake =
        new WebhookIntake(
            inbox,
            drain(
                group -> {
                  nices.add(BackgroundPriorityTest.ownNice());
                  applied.apply(group);
                }));

    for (int i = 0; i < 20; i++) {
      intake.accept(workspace, Provider.STRIPE, event("evt_" + i, "in_" + i), "{}");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> applied.events().size() == 20);

    assertThat(nices).hasSize(20).containsOnly(BackgroundPriority.NICE);
    assertThat(BackgroundPriorityTest.ownNice()).isLessThan(BackgroundPriority.NICE);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_events_of_one_invoice_claimed_together_are_applied_together(TestDatabases.Kind kind) {
    start(kind);
    Recorder applied = new Recorder(inbox);
    InboxDrain drain = drain(applied);
    drain.pause();
    WebhookIntake intake = new WebhookIntake(inbox, drain);
    for (int i = 0; i < 5; i++) {
      intake.accept(workspace, Provider.STRIPE, event("evt_a" + i, "in_a"), "{}");
      intake.accept(workspace, Provider.STRIPE, event("evt_b" + i, "in_b"), "{}");
    }
    intake.accept(workspace, Provider.STRIPE, customerEvent("evt_c"), "{}");

    drain.resume();

    await().atMost(Duration.ofSeconds(10)).until(() -> applied.events().size() == 11);
    assertThat(applied.groups)
        .extracting(g -> g.stream().map(InboxEvent::eventId).sorted().toList())
        .containsExactlyInAnyOrder(
            IntStream.range(0, 5).mapToObj(i -> "evt_a" + i).toList(),
            IntStream.range(0, 5).mapToObj(i -> "evt_b" + i).toList(),
            List.of("evt_c"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_stopping_drain_gives_back_what_it_has_not_started(TestDatabases.Kind kind)
      throws InterruptedException {
    start(kind);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Recorder applied = new Recorder(inbox);
    InboxDrain drain =
        drain(
            inbox,
            group -> {
              started.countDown();
              awaitQuietly(finish);
              applied.apply(group);
            },
            1);
    WebhookIntake intake = new WebhookIntake(inbox, drain);
    drain.pause();
    for (int i = 0; i < 4; i++) {
      intake.accept(workspace, Provider.STRIPE, event("evt_" + i, "in_" + i), "{}");
    }
    drain.resume();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    Thread stopping = Thread.ofPlatform().start(drain::stop);
    await().atMost(Duration.ofSeconds(10)).until(() -> !drain.isRunning());
    finish.countDown();
    stopping.join(Duration.ofSeconds(30));

    // One group was under way and finished; the other three are due again for anyone at once.
    assertThat(applied.events()).hasSize(1);
    assertThat(inbox.claim(10, InboxDrain.LEASE)).hasSize(3);
  }

  /** Several instances share a PostgreSQL database; an H2 file is open in one process only. */
  @ParameterizedTest
  @EnumSource(value = TestDatabases.Kind.class, names = "POSTGRES")
  void two_instances_draining_one_inbox_apply_each_event_once(TestDatabases.Kind kind) {
    start(kind);
    Recorder applied = new Recorder(inbox);
    // Two instances, each its own drain and repository on the one database; deliveries land on
    // either, and each wakes only its own drain, as behind a load balancer.
    List<WebhookIntake> instances = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      WebhookInbox own = new WebhookInbox(template, clock);
      instances.add(new WebhookIntake(own, drain(own, applied, 4)));
    }
    for (int i = 0; i < 100; i++) {
      instances
          .get(i % 2)
          .accept(workspace, Provider.STRIPE, event("evt_" + i, "in_" + (i % 20)), "{}");
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> applied.events().size() >= 100);
    assertThat(applied.events())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 100).mapToObj(i -> "evt_" + i).toList());
  }

  /** Records the groups it is given and marks them applied. */
  static final class Recorder implements InboxDrain.Applier {
    final WebhookInbox inbox;
    final ConcurrentLinkedQueue<List<InboxEvent>> groups = new ConcurrentLinkedQueue<>();

    Recorder(WebhookInbox inbox) {
      this.inbox = inbox;
    }

    @Override
    public void apply(List<InboxEvent> group) {
      groups.add(group);
      inbox.processed(group);
    }

    List<String> events() {
      List<String> ids = new ArrayList<>();
      groups.forEach(g -> g.forEach(e -> ids.add(e.eventId())));
      return Collections.unmodifiableList(ids);
    }
  }

  private void start(TestDatabases.Kind kind) {
    template = new JdbcTemplate(TestDatabases.migrated(kind));
    jdbc = JdbcClient.create(template);
    workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    inbox = new WebhookInbox(template, clock);
  }

  private InboxDrain drain(InboxDrain.Applier applier) {
    return drain(inbox, applier, 4);
  }

  private InboxDrain drain(WebhookInbox on, InboxDrain.Applier applier, int workers) {
    InboxDrain drain = new InboxDrain(on, applier, workers, NEVER);
    drain.start();
    drains.add(drain);
    return drain;
  }

  private static WebhookEvent event(String id, String invoice) {
    return new WebhookEvent(id, "invoice.paid", Instant.now(), Optional.of(invoice));
  }

  private static WebhookEvent customerEvent(String id) {
    return new WebhookEvent(id, "customer.updated", Instant.now(), Optional.of("cus_1"));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
