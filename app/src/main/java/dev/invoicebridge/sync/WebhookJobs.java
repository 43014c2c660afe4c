package dev.invoicebridge.sync;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Webhook processing as durable jobs: one job per stored event (its instance id is the event id, so
 * it is scheduled once), and a sweep that reschedules events whose job was never scheduled (a crash
 * between storing and scheduling).
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
    return Tasks.oneTime(APPLY_EVENT)
        .onFailure(
            FailureHandler.<EventRef>maxRetries(10)
                .withBackoff(Duration.ofSeconds(1), 2)
                .thenRemove())
        .execute(
            (TaskInstance<EventRef> instance, ExecutionContext ctx) ->
                runs.record(
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
  EventScheduler webhookEventScheduler(@Lazy SchedulerClient scheduler, Clock clock) {
    return (provider, eventId) -> {
      SchedulableInstance<EventRef> job = job(provider, eventId, clock.instant());
      try {
        // The event was stored just now, so it has no job yet: one insert, where
        // scheduleIfNotExists would read first (a round trip per webhook at full load).
        scheduler.scheduleBatch(List.of(job));
      } catch (RuntimeException e) {
        scheduler.scheduleIfNotExists(job);
      }
    };
  }

  private static SchedulableInstance<EventRef> job(Provider provider, String eventId, Instant at) {
    return APPLY_EVENT
        .instance(provider.name() + ":" + eventId)
        .data(new EventRef(provider.name(), eventId))
        .scheduledTo(at);
  }

  /** Schedules the job that applies one event the moment it is stored. */
  @FunctionalInterface
  interface EventScheduler {
    void schedule(Provider provider, String eventId);
  }
}
