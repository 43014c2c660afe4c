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

/** Records job executions: which instance ran it, when, and how it ended. */
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

  private void finish(long id, String outcome, String message) {
    jdbc.sql("update job_run set finished_at = ?, outcome = ?, message = ? where id = ?")
        .params(Timestamp.from(clock.instant()), outcome, truncate(message), id)
        .update();
  }

  private static String truncate(String message) {
    return message == null || message.length() <= 500 ? message : message.substring(0, 500);
  }
}
