package dev.invoicebridge.backfill;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.invoicebridge.backfill.BackfillRun.End;
import dev.invoicebridge.jobs.JobRuns;
import dev.invoicebridge.workspace.WorkspaceId;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Stripe backfill as a durable job: one execution per sync job (its instance id is the job id),
 * run by whichever instance picks it. A run paused by a shutdown is rescheduled at once; a crashed
 * instance stops heart-beating and another revives the execution after db-scheduler's
 * dead-execution timeout; either way the next run continues from the saved checkpoint.
 */
@Configuration(proxyBeanMethods = false)
class BackfillJobs {
  /** Data of a backfill execution: which job. */
  record BackfillRef(String workspaceId, String jobId) implements Serializable {}

  static final TaskDescriptor<BackfillRef> STRIPE_BACKFILL =
      TaskDescriptor.of(Backfills.STRIPE_BACKFILL, BackfillRef.class);

  /** Failed runs are retried this often, 30 s apart and doubling (about two hours in all). */
  static final int MAX_RETRIES = 8;

  static final Duration FIRST_RETRY = Duration.ofSeconds(30);

  @Bean
  CustomTask<BackfillRef> stripeBackfill(
      BackfillRun run, SyncJobs jobs, JobRuns runs, Clock clock) {
    return Tasks.custom(STRIPE_BACKFILL)
        .onDeadExecutionRevive()
        .onFailure(new RetryOrFail(jobs, clock))
        .execute(
            (TaskInstance<BackfillRef> instance, ExecutionContext ctx) -> {
              BackfillRef ref = instance.getData();
              AtomicReference<End> end = new AtomicReference<>(End.FINISHED);
              runs.record(
                  STRIPE_BACKFILL.getTaskName(),
                  instance.getId(),
                  ctx.getExecution().executionTime,
                  () -> {
                    end.set(
                        run.run(
                            new WorkspaceId(ref.workspaceId()),
                            new SyncJobId(ref.jobId()),
                            () -> ctx.getSchedulerState().isShuttingDown()));
                    return end.get() == End.PAUSED ? "paused for a shutdown" : "finished";
                  });
              if (end.get() == End.PAUSED) {
                // Whichever instance is up next continues from the checkpoint.
                return (ExecutionComplete complete, ExecutionOperations<BackfillRef> ops) ->
                    ops.reschedule(complete, clock.instant());
              }
              return new CompletionHandler.OnCompleteRemove<>();
            });
  }

  /**
   * Failure policy: a failure only an admin can fix (Stripe or Attio not connected, a key refused)
   * ends the job at once; others (a provider down, rate limits beyond the clients' own retries, the
   * database) are retried {@value #MAX_RETRIES} times, then the job fails. The job row shows the
   * error meanwhile.
   */
  static final class RetryOrFail implements FailureHandler<BackfillRef> {
    private final SyncJobs jobs;
    private final Clock clock;

    RetryOrFail(SyncJobs jobs, Clock clock) {
      this.jobs = jobs;
      this.clock = clock;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<BackfillRef> ops) {
      BackfillRef ref = (BackfillRef) complete.getExecution().taskInstance.getData();
      SyncJobId id = new SyncJobId(ref.jobId());
      Throwable cause = complete.getCause().orElse(null);
      String error = BackfillFailures.describe(cause);
      int failures = complete.getExecution().consecutiveFailures + 1;
      if (BackfillFailures.permanent(cause) || failures > MAX_RETRIES) {
        jobs.failed(id, error);
        ops.remove();
        return;
      }
      Duration wait = FIRST_RETRY.multipliedBy(1L << (failures - 1));
      jobs.queued(id, Optional.of(error + " Retrying in " + wait.toSeconds() + " s."));
      ops.reschedule(complete, clock.instant().plus(wait));
    }
  }

  @Bean
  BackfillScheduler backfillScheduler(@Lazy SchedulerClient scheduler, Clock clock) {
    // If-not-exists: asking again for an active job repairs a lost schedule and changes nothing
    // else.
    return job ->
        scheduler.scheduleIfNotExists(
            STRIPE_BACKFILL
                .instance(job.id().value())
                .data(new BackfillRef(job.workspace().value(), job.id().value()))
                .scheduledTo(clock.instant()));
  }

  /** Schedules a job's execution, unless it has one. */
  @FunctionalInterface
  interface BackfillScheduler {
    void schedule(SyncJob job);
  }
}
