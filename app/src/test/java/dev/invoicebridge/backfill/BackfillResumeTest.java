package dev.invoicebridge.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.invoicebridge.InvoicebridgeApplication;
import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.HttpAttioClient;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import dev.invoicebridge.sandbox.stripe.StripeSandbox;
import dev.invoicebridge.sandbox.stripe.StripeSandboxServlet;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxApp;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.support.TestProperties;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A backfill killed half-way on one instance finishes on another, on one real PostgreSQL, from the
 * saved checkpoint: the exact count, no page fetched from the start again, no duplicate mirror row
 * or Attio record. The emulators run outside both instances, as the real Stripe and Attio would, so
 * they outlive the crash.
 */
@Tag("slow")
class BackfillResumeTest {
  static final String STRIPE_KEY = "sk_test_resume0000000000000000";
  static final String ATTIO_TOKEN = "attio-resume-token";
  static final int INVOICES = 250;
  static final Duration PATIENCE = Duration.ofSeconds(120);

  final CountingServlet stripe =
      new CountingServlet(
          new StripeSandboxServlet(
              new StripeSandbox(() -> STRIPE_KEY, "acct_1Resume", Clock.systemUTC())));
  final SandboxServer emulators =
      SandboxServer.start(
          0,
          Map.of(
              "stripe",
              stripe,
              "attio",
              new AttioSandboxServlet(
                  () -> ATTIO_TOKEN, AttioWorkspace.demo(), Clock.systemUTC())));
  final List<ConfigurableApplicationContext> instances = new ArrayList<>();

  @AfterEach
  void stop() {
    instances.forEach(ConfigurableApplicationContext::close);
    emulators.close();
  }

  @Test
  void a_backfill_killed_half_way_resumes_on_another_instance_from_its_checkpoint()
      throws Exception {
    seed(INVOICES);
    String database = TestDatabases.newPostgresDatabaseUrl();
    String masterKey = TestProperties.randomMasterKey();
    ConfigurableApplicationContext a = start("a", database, masterKey);
    WorkspaceId workspace =
        a.getBean(Workspaces.class).bySlug(Workspaces.DEFAULT_SLUG).orElseThrow().id();
    String token =
        a.getBean(ApiTokens.class).issue(workspace, "test", Role.ADMIN, "test").plaintext();
    JdbcClient jdbc = JdbcClient.create(postgres(database));

    HttpResponse<String> started =
        new Http(port(a))
            .postJson("/api/v1/sync/stripe/backfill", "", "Authorization", Http.bearer(token));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String job = Http.json(started).path("id").asString();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> processed(jdbc, job) >= INVOICES / 2);
    crash(a);
    long savedProcessed = processed(jdbc, job);
    String cursor =
        jdbc.sql("select cursor_invoice_id from sync_job where id = ?")
            .param(job)
            .query(String.class)
            .single();
    int listCallsBeforeB = stripe.invoiceLists.size();

    ConfigurableApplicationContext b = start("b", database, masterKey);
    JsonNode done =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    Http.json(
                        new Http(port(b))
                            .get("/api/v1/jobs/" + job, "Authorization", Http.bearer(token))),
                j -> j.path("status").asString().matches("succeeded|failed"));

    assertThat(done.path("status").asString()).isEqualTo("succeeded");
    assertThat(done.path("processed").asLong()).isEqualTo(INVOICES);
    assertThat(done.path("total_estimate").asLong()).isEqualTo(INVOICES);
    assertThat(done.path("attempts").asInt()).isEqualTo(2);
    assertThat(savedProcessed).isBetween((long) INVOICES / 2 - BackfillRun.BATCH, (long) INVOICES);
    List<String> afterCrash =
        stripe.invoiceLists.subList(listCallsBeforeB, stripe.invoiceLists.size());
    assertThat(afterCrash.getFirst()).contains("starting_after=" + cursor);
    assertThat(stripe.invoiceLists)
        .as("the first page is fetched once, by the first run")
        .filteredOn(q -> q.contains("limit=100") && !q.contains("starting_after"))
        .hasSize(1);
    assertThat(afterCrash).noneMatch(q -> q.contains("limit=1&") || q.endsWith("limit=1"));
    assertThat(
            jdbc.sql("select count(*), count(distinct provider_invoice_id) from invoice")
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single())
        .containsExactly((long) INVOICES, (long) INVOICES);
    List<String> inAttio = attioInvoiceIds();
    assertThat(inAttio).hasSize(INVOICES);
    assertThat(new HashSet<>(inAttio)).hasSize(INVOICES);
    assertThat(
            jdbc.sql("select distinct instance_name from job_run where task_name = ?")
                .param(Backfills.STRIPE_BACKFILL)
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder("a", "b");
  }

  /**
   * The instance dies as a process would: its database connections go first, so it can neither save
   * another checkpoint nor release its job; its execution stays picked with a heartbeat that stops.
   */
  private static void crash(ConfigurableApplicationContext instance) {
    instance.getBean(HikariDataSource.class).close();
    instance.close();
  }

  private ConfigurableApplicationContext start(String name, String database, String masterKey) {
    Map<String, String> settings =
        Map.ofEntries(
            Map.entry("server.port", "0"),
            Map.entry("invoicebridge.instance-name", name),
            Map.entry("invoicebridge.data-dir", SandboxApp.newDataDir().toString()),
            Map.entry("invoicebridge.database.url", database),
            Map.entry("invoicebridge.database.username", "postgres"),
            Map.entry("invoicebridge.security.master-key", masterKey),
            Map.entry("invoicebridge.stripe.secret-key", STRIPE_KEY),
            Map.entry("invoicebridge.stripe.api-base", emulators.baseUri("stripe").toString()),
            Map.entry("invoicebridge.attio.api-token", ATTIO_TOKEN),
            Map.entry("invoicebridge.attio.base-url", emulators.baseUri("attio").toString()),
            // A dead instance is noticed after six missed heartbeats: six seconds here.
            Map.entry("db-scheduler.heartbeat-interval", "1s"),
            Map.entry("db-scheduler.polling-interval", "200ms"));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(InvoicebridgeApplication.class)
            .run(
                settings.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new));
    instances.add(context);
    return context;
  }

  private void seed(int count) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> seeded =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(emulators.baseUri("stripe") + "/_control/invoices/seed"))
                  .header("Authorization", "Bearer " + STRIPE_KEY)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "email=resume%40example.com&count=" + count))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    }
  }

  private List<String> attioInvoiceIds() {
    AttioClient client =
        HttpAttioClient.builder(emulators.baseUri("attio"), () -> ATTIO_TOKEN).build();
    List<String> ids = new ArrayList<>();
    RecordQuery query = RecordQuery.all().page(RecordQuery.MAX_LIMIT, 0);
    List<AttioRecord> page;
    do {
      page = client.queryRecords("invoices", query);
      page.forEach(r -> ids.add(InvoiceRig.text(r, "provider_invoice_id")));
      query = query.next();
    } while (page.size() == query.limit());
    return ids;
  }

  private static long processed(JdbcClient jdbc, String job) {
    return jdbc.sql("select processed from sync_job where id = ?")
        .param(job)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static PGSimpleDataSource postgres(String url) {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser("postgres");
    return pg;
  }

  /** The Stripe emulator, noting the query of every invoice list call that reaches it. */
  static final class CountingServlet extends HttpServlet {
    @Serial private static final long serialVersionUID = 1L;
    private final transient StripeSandboxServlet stripe;
    final transient List<String> invoiceLists = new CopyOnWriteArrayList<>();

    CountingServlet(StripeSandboxServlet stripe) {
      this.stripe = stripe;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
      super.init(config);
      stripe.init(config);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp)
        throws ServletException, IOException {
      if (req.getMethod().equals("GET") && "/v1/invoices".equals(req.getPathInfo())) {
        invoiceLists.add(String.valueOf(req.getQueryString()));
      }
      stripe.service((ServletRequest) req, (ServletResponse) resp);
    }

    @Override
    public void destroy() {
      stripe.destroy();
    }
  }
}
