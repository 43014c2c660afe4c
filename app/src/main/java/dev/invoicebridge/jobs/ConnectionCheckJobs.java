package dev.invoicebridge.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.workspace.WorkspaceId;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Connection checks as durable jobs: a recurring sweep of every connection, and a one-time check of
 * one connection (the settings page's "Check now"). Each runs on exactly one instance.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionCheckJobs {
  /** Data of a one-time check: which connection. */
  public record ConnectionRef(String workspaceId, String kind) implements Serializable {}

  public static final TaskDescriptor<Void> SWEEP = TaskDescriptor.of("connection-check");
  public static final TaskDescriptor<ConnectionRef> CHECK_ONE =
      TaskDescriptor.of("connection-check-now", ConnectionRef.class);

  @Bean
  RecurringTask<Void> connectionCheckSweep(
      InvoicebridgeProperties properties, Connections connections, JobRuns runs) {
    // A failed sweep is simply tried again at the next interval.
    return Tasks.recurring(SWEEP, FixedDelay.of(properties.jobs().connectionCheckInterval()))
        .execute(
            (TaskInstance<Void> instance, ExecutionContext ctx) ->
                runs.record(
                    SWEEP.getTaskName(),
                    instance.getId(),
                    ctx.getExecution().executionTime,
                    () -> {
                      List<Connection> all = connections.all();
                      long ok = all.stream().filter(c -> connections.check(c).ok()).count();
                      return ok + " of " + all.size() + " connections OK";
                    }));
  }

  @Bean
  OneTimeTask<ConnectionRef> connectionCheckNow(Connections connections, JobRuns runs) {
    // A check that failed to run (not a failing connection) is retried 3 times, 10s apart.
    return Tasks.oneTime(CHECK_ONE)
        .onFailure(
            FailureHandler.<ConnectionRef>maxRetries(3)
                .retryEvery(Duration.ofSeconds(10))
                .thenRemove())
        .execute(
            (TaskInstance<ConnectionRef> instance, ExecutionContext ctx) ->
                runs.record(
                    CHECK_ONE.getTaskName(),
                    instance.getId(),
                    ctx.getExecution().executionTime,
                    () -> {
                      ConnectionRef ref = instance.getData();
                      return connections
                          .get(
                              new WorkspaceId(ref.workspaceId()),
                              ConnectionKind.valueOf(ref.kind()))
                          .map(connections::check)
                          .map(Connection.Check::message)
                          .orElse("not connected");
                    }));
  }

  /** Schedules connection checks from request threads. */
  @Bean
  ConnectionCheckScheduler connectionCheckScheduler(@Lazy SchedulerClient scheduler, Clock clock) {
    return (workspace, kind) -> {
      String id = workspace.value() + ":" + kind.name() + ":" + UUID.randomUUID();
      scheduler.scheduleIfNotExists(
          CHECK_ONE
              .instance(id)
              .data(new ConnectionRef(workspace.value(), kind.name()))
              .scheduledTo(clock.instant()));
      return id;
    };
  }

  /** Asks for a connection check on whichever instance is free. */
  @FunctionalInterface
  public interface ConnectionCheckScheduler {
    /**
     * @return the job instance id
     */
    String schedule(WorkspaceId workspace, ConnectionKind kind);
  }
}
