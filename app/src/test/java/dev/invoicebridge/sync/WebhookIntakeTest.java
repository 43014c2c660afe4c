package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verified delivery's inbox row and its db-scheduler job are written in one transaction, on H2
 * and PostgreSQL, with a real db-scheduler client on a transaction-aware DataSource as the Spring
 * Boot starter sets it up.
 */
class WebhookIntakeTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:20:00Z"));
  final AtomicInteger wakeUps = new AtomicInteger();

  DataSource db;
  JdbcClient jdbc;
  WorkspaceId workspace;
  SchedulerClient scheduler;
  WebhookJobs.EventScheduler jobs;
  WebhookIntake intake;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_fresh_event_is_stored_with_its_job_and_a_duplicate_adds_neither(TestDatabases.Kind kind) {
    start(kind);

    assertThat(intake.accept(workspace, Provider.STRIPE, event("evt_1"), "{}")).isTrue();
    assertThat(intake.accept(workspace, Provider.STRIPE, event("evt_1"), "{}")).isFalse();

    assertThat(inboxRows("evt_1")).isOne();
    assertThat(jobRows("evt_1")).isOne();
    // The scheduler is told once, after the commit made the job visible.
    assertThat(wakeUps.get()).isOne();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_delivery_whose_job_cannot_be_scheduled_leaves_no_inbox_row(TestDatabases.Kind kind) {
    start(kind);
    // A job row already there makes the job's insert fail, as a broken scheduler table would.
    jobs.schedule(Provider.STRIPE, "evt_2");

    assertThatThrownBy(() -> intake.accept(workspace, Provider.STRIPE, event("evt_2"), "{}"))
        .isInstanceOf(RuntimeException.class);

    assertThat(inboxRows("evt_2")).isZero();
    assertThat(wakeUps.get()).isZero();
    // Stripe delivers it again; once the job can be scheduled, the event is taken.
    jdbc.sql("delete from scheduled_tasks").update();
    assertThat(intake.accept(workspace, Provider.STRIPE, event("evt_2"), "{}")).isTrue();
    assertThat(inboxRows("evt_2")).isOne();
    assertThat(jobRows("evt_2")).isOne();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_job_scheduled_in_a_transaction_that_rolls_back_is_not_scheduled(TestDatabases.Kind kind) {
    start(kind);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));

    tx.executeWithoutResult(
        status -> {
          jobs.schedule(Provider.STRIPE, "evt_3");
          status.setRollbackOnly();
        });

    assertThat(jobRows("evt_3")).isZero();
  }

  private void start(TestDatabases.Kind kind) {
    db = TestDatabases.migrated(kind);
    jdbc = JdbcClient.create(db);
    workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    OneTimeTask<WebhookJobs.EventRef> task =
        Tasks.oneTime(WebhookJobs.APPLY_EVENT).execute((instance, context) -> {});
    scheduler =
        SchedulerClient.Builder.create(
                new TransactionAwareDataSourceProxy(db), List.<Task<?>>of(task))
            .build();
    jobs = WebhookJobs.eventScheduler(() -> scheduler, wakeUps::incrementAndGet, clock);
    intake =
        new WebhookIntake(
            new WebhookInbox(jdbc, clock),
            jobs,
            new TransactionTemplate(new DataSourceTransactionManager(db)));
  }

  private static WebhookEvent event(String id) {
    return new WebhookEvent(
        id, "invoice.paid", Instant.parse("2026-11-01T10:19:00Z"), Optional.of("in_1"));
  }

  private long inboxRows(String eventId) {
    return jdbc.sql("select count(*) from webhook_inbox where event_id = ?")
        .param(eventId)
        .query(Long.class)
        .single();
  }

  private long jobRows(String eventId) {
    return jdbc.sql(
            "select count(*) from scheduled_tasks where task_name = 'webhook-event'"
                + " and task_instance = ?")
        .param("STRIPE:" + eventId)
        .query(Long.class)
        .single();
  }
}
