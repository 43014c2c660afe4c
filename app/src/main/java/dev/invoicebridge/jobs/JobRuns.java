package dev.invoicebridge.jobs;

import dev.invoicebridge.config.InvoicebridgeProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Records job executions (which instance ran it, when, and how it ended): every execution of most
 * jobs, only the failed ones of jobs that run once per webhook event.
 */
@Service
public class JobRuns {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final String instanceName;

  public JobRuns(JdbcClient jdbc, Clock clock, InvoicebridgeProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.instanceName = properties.instanceName();
  }

  /** One recorded execution. */
  public record Run(
      String taskName,
      String taskInstance,
      Instant executionTime,
      String instanceName,
      String outcome,
      String message) {}

  /** Runs {@code work}, recording start, end and outcome; the job id is on every log line. */
  public void record(
      String taskName, String taskInstance, Instant executionTime, Supplier<String> work) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into job_run (task_name, task_instance, execution_time, instance_name, started_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            taskName,
            taskInstance,
            Timestamp.from(executionTime),
            instanceName,
            Timestamp.from(clock.instant()))
        .update(key, "id");
    long id = key.getKeyAs(Long.class);
    MDC.put("job", taskName + "/" + taskInstance);
    try {
      String message = work.get();
      finish(id, "succeeded", message);
    } catch (RuntimeException e) {
      finish(id, "failed", e.getClass().getSimpleName());
      throw e;
    } finally {
      MDC.remove("job");
    }
  }

  /**
   * Runs {@code work} like {@link #record}, but keeps a row only when it fails. For jobs that run
   * once per webhook event: at 500 events a second a row per success would add 43 million rows a
   * day, and a successful run's outcome is counted elsewhere (metrics).
   */
  public void recordFailures(
      String taskName, String taskInstance, Instant executionTime, Supplier<String> work) {
    Instant started = clock.instant();
    MDC.put("job", taskName + "/" + taskInstance);
    try {
      work.get();
    } catch (RuntimeException e) {
      try {
        failed(
            new Run(taskName, taskInstance, executionTime, instanceName, "failed", null),
            started,
            e);
      } catch (RuntimeException unrecorded) {
        // The job's own failure is what matters to the scheduler; keep it, with this one attached.
        e.addSuppressed(unrecorded);
      }
      throw e;
    } finally {
      MDC.remove("job");
    }
  }

  public List<Run> recent(String taskName, int limit) {
    return jdbc.sql(
            "select task_name, task_instance, execution_time, instance_name, outcome, message from job_run"
                + " where task_name = ? order by started_at desc limit ?")
        .params(taskName, limit)
        .query(
            (rs, row) ->
                new Run(
                    rs.getString("task_name"),
                    rs.getString("task_instance"),
                    rs.getTimestamp("execution_time").toInstant(),
                    rs.getString("instance_name"),
                    rs.getString("outcome"),
                    rs.getString("message")))
        .list();
  }

  private void failed(Run run, Instant started, RuntimeException e) {
    jdbc.sql(
            "insert into job_run (task_name, task_instance, execution_time, instance_name,"
                + " started_at, finished_at, outcome, message) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            run.taskName(),
            run.taskInstance(),
            Timestamp.from(run.executionTime()),
            run.instanceName(),
            Timestamp.from(started),
            Timestamp.from(clock.instant()),
            run.outcome(),
            e.getClass().getSimpleName())
        .update();
  }

  private void finish(long id, String outcome, String message) {
    jdbc.sql("update job_run set finished_at = ?, outcome = ?, message = ? where id = ?")
        .params(Timestamp.from(clock.instant()), outcome, truncate(message), id)
        .update();
  }

  private static String truncate(String message) {
    return message == null || message.length() <= 500 ? message : message.substring(0, 500);
  }
}
