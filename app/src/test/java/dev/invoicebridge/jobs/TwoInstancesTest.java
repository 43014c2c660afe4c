package dev.invoicebridge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.InvoicebridgeApplication;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.jobs.ConnectionCheckJobs.ConnectionCheckScheduler;
import dev.invoicebridge.support.SandboxApp;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.support.TestProperties;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two service instances on one real PostgreSQL: every job execution happens exactly once. */
@Tag("slow")
class TwoInstancesTest {
  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;

  @BeforeAll
  static void startTwoInstances() {
    String url = TestDatabases.newPostgresDatabaseUrl();
    String masterKey = TestProperties.randomMasterKey();
    first = start("one", url, masterKey);
    second = start("two", url, masterKey);
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  private static ConfigurableApplicationContext start(String name, String url, String masterKey) {
    // Command-line arguments: they outrank application.yml, as an operator's settings would.
    Map<String, String> settings =
        Map.of(
            "server.port", "0",
            "invoicebridge.instance-name", name,
            "invoicebridge.data-dir", SandboxApp.newDataDir().toString(),
            "invoicebridge.database.url", url,
            "invoicebridge.database.username", "postgres",
            "invoicebridge.security.master-key", masterKey,
            "invoicebridge.jobs.connection-check-interval", "PT1S",
            "db-scheduler.polling-interval", "100ms",
            "db-scheduler.immediate-execution-enabled", "false");
    return new SpringApplicationBuilder(InvoicebridgeApplication.class)
        .run(
            settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  @Test
  void each_scheduled_job_runs_exactly_once_across_two_instances() {
    JdbcClient jdbc = first.getBean(JdbcClient.class);
    var workspace =
        first.getBean(Workspaces.class).bySlug(Workspaces.DEFAULT_SLUG).orElseThrow().id();
    List<ConnectionCheckScheduler> schedulers =
        List.of(
            first.getBean(ConnectionCheckScheduler.class),
            second.getBean(ConnectionCheckScheduler.class));
    for (int i = 0; i < 40; i++) {
      schedulers.get(i % 2).schedule(workspace, ConnectionKind.values()[i % 3]);
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(count(jdbc, "connection-check-now", "outcome = 'succeeded'"))
                  .isGreaterThanOrEqualTo(40);
              assertThat(count(jdbc, "connection-check", "outcome = 'succeeded'"))
                  .isGreaterThanOrEqualTo(5);
            });

    // No one-time job instance and no recurring execution ran twice.
    assertThat(
            jdbc.sql(
                    "select count(*) from (select task_name, task_instance, execution_time from job_run"
                        + " group by task_name, task_instance, execution_time having count(*) > 1) d")
                .query(Long.class)
                .single())
        .isZero();
    List<String> runners =
        jdbc.sql("select distinct instance_name from job_run").query(String.class).list();
    assertThat(runners).isSubsetOf("one", "two").isNotEmpty();
  }

  private static long count(JdbcClient jdbc, String task, String condition) {
    return jdbc.sql("select count(*) from job_run where task_name = ? and " + condition)
        .param(task)
        .query(Long.class)
        .single();
  }
}
