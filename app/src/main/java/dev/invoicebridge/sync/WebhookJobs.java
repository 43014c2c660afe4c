package dev.invoicebridge.sync;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.jobs.JobRuns;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Webhook processing as durable jobs: one job per stored event (its instance id is the event id, so
 * it is scheduled once, in the transaction that stores the event), and a sweep that reschedules
 * stored events left unapplied, such as those whose job gave up after its last retry.
 */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {
  /** Data of an event job: which inbox row. */
  record EventRef(String provider, String eventId) implements Serializable {}

  static final TaskDescriptor<EventRef> APPLY_EVENT =
      TaskDescriptor.of("webhook-event", EventRef.class);
  static final TaskDescriptor<Void> SWEEP = TaskDescriptor.of("webhook-inbox-sweep");

  /** Events older than this without being applied are rescheduled by the sweep. */
  static final Duration SWEEP_AFTER = Duration.ofMinutes(2);

  @Bean
  OneTimeTask<EventRef> webhookEvent(WebhookProcessor processor, JobRuns runs) {
    // Transient failures (provider or Attio down, an invoice not mirrored yet) are retried with
    // a doubling delay from 1 s, 10 times (about 17 minutes); after that the sweep tries again.
    // One job per event: only failed runs are recorded in job_run (see JobRuns.recordFailures);
    // outcomes are counted by WebhookProcessor.
    return Tasks.oneTime(APPLY_EVENT)
        .onFailure(
            FailureHandler.<EventRef>maxRetries(10)
                .withBackoff(Duration.ofSeconds(1), 2)
                .thenRemove())
        .execute(
            (TaskInstance<EventRef> instance, ExecutionContext ctx) ->
                runs.recordFailures(
                    APPLY_EVENT.getTaskName(),
                    instance.getId(),
                    ctx.getExecution().executionTime,
                    () ->
                        processor.process(
                            Provider.valueOf(instance.getData().provider()),
                            instance.getData().eventId(),
                            ctx.getExecution().consecutiveFailures)));
  }

  @Bean
  RecurringTask<Void> webhookInboxSweep(
      WebhookInbox inbox, @Lazy SchedulerClient scheduler, Clock clock) {
    // A failed sweep is simply run again at the next interval. The event's job may still exist
    // (waiting for a retry), so the sweep schedules only where there is none.
    return Tasks.recurring(SWEEP, FixedDelay.of(Duration.ofMinutes(1)))
        .execute(
            (TaskInstance<Void> instance, ExecutionContext ctx) ->
                inbox
                    .unprocessed(clock.instant().minus(SWEEP_AFTER), 500)
                    .forEach(
                        e ->
                            scheduler.scheduleIfNotExists(
                                job(e.provider(), e.eventId(), clock.instant()))));
  }

  @Bean
  EventScheduler webhookEventScheduler(ObjectProvider<Scheduler> scheduler, Clock clock) {
    return eventScheduler(
        scheduler::getObject, () -> scheduler.getObject().triggerCheckForDueExecutions(), clock);
  }

  /**
   * Schedules through {@code client}; {@code dueNow} asks the scheduler to look for due jobs. The
   * job is one insert (scheduleIfNotExists would read first): its event was stored just now in the
   * same transaction, so it has no job yet. There is deliberately no fallback on failure: in a
   * PostgreSQL transaction a failed insert aborts everything after it, so the failure goes back to
   * the caller, whose transaction (and inbox row) is rolled back.
   */
  static EventScheduler eventScheduler(
      Supplier<? extends SchedulerClient> client, Runnable dueNow, Clock clock) {
    return new EventScheduler() {
      @Override
      public void schedule(Provider provider, String eventId) {
        client.get().scheduleBatch(List.of(job(provider, eventId, clock.instant())));
      }

      @Override
      public void dueNow() {
        dueNow.run();
      }
    };
  }

  private static SchedulableInstance<EventRef> job(Provider provider, String eventId, Instant at) {
    return APPLY_EVENT
        .instance(provider.name() + ":" + eventId)
        .data(new EventRef(provider.name(), eventId))
        .scheduledTo(at);
  }

  /** Schedules the job that applies one event, inside the caller's transaction. */
  interface EventScheduler {
    /** Adds the event's job; it joins the caller's transaction. */
    void schedule(Provider provider, String eventId);

    /** Has the scheduler look for due jobs now, such as one the caller has just committed. */
    void dueNow();
  }
}
