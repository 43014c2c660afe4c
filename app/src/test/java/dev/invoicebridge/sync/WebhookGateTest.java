package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.invoicing.InvoicingProvider;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.settings.SyncPreferences;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.settings.TestSyncSettings;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.support.TestProperties;
import dev.invoicebridge.sync.WebhookGate.Admission;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook endpoint's admission gate over the real stores, on H2 and PostgreSQL: what it keeps,
 * for how long, and what closes it. "Another instance" is a second set of stores on the same
 * database that this gate does not listen to.
 */
class WebhookGateTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:20:00Z"));
  final CountingDirectory stripe = new CountingDirectory();
  @TempDir Path dataDir;

  DataSource db;
  WorkspaceId workspace;
  SyncSettings settings;
  StripeWebhookSecrets secrets;
  WebhookGate gate;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_open_gate_is_kept_for_five_seconds_without_reading_the_database(TestDatabases.Kind kind) {
    start(kind);
    secrets.replace(workspace, new Secret("whsec_first"));

    assertThat(secretOf(gate.admit(workspace))).isEqualTo("whsec_first");
    clock.advance(WebhookGate.TTL.minusMillis(1));
    assertThat(secretOf(gate.admit(workspace))).isEqualTo("whsec_first");
    assertThat(stripe.reads.get()).isOne();

    clock.advance(Duration.ofMillis(1));
    assertThat(gate.admit(workspace)).isInstanceOf(WebhookGate.Open.class);
    assertThat(stripe.reads.get()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void changes_made_on_this_instance_are_seen_by_the_very_next_delivery(TestDatabases.Kind kind) {
    start(kind);
    secrets.replace(workspace, new Secret("whsec_first"));
    gate.admit(workspace);

    settings.save(workspace, new SyncPreferences(false, false));
    assertThat(gate.admit(workspace)).isInstanceOf(WebhookGate.SendOnly.class);

    settings.save(workspace, new SyncPreferences(true, false));
    assertThat(secretOf(gate.admit(workspace))).isEqualTo("whsec_first");
    secrets.replace(workspace, new Secret("whsec_second"));
    assertThat(secretOf(gate.admit(workspace))).isEqualTo("whsec_second");
    secrets.forget(workspace);
    assertThat(gate.admit(workspace)).isInstanceOf(WebhookGate.Closed.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void another_instances_change_is_seen_within_five_seconds_and_a_refusal_is_never_kept(
      TestDatabases.Kind kind) {
    start(kind);
    SyncSettings otherInstance = TestSyncSettings.on(JdbcClient.create(db), clock);
    secrets.replace(workspace, new Secret("whsec_first"));
    gate.admit(workspace);

    otherInstance.save(workspace, new SyncPreferences(false, false));
    assertThat(gate.admit(workspace)).isInstanceOf(WebhookGate.Open.class);
    clock.advance(WebhookGate.TTL);
    assertThat(gate.admit(workspace)).isInstanceOf(WebhookGate.SendOnly.class);
    int reads = stripe.reads.get();
    gate.admit(workspace);
    assertThat(stripe.reads.get()).isEqualTo(reads + 1);

    otherInstance.save(workspace, new SyncPreferences(true, false));
    assertThat(gate.admit(workspace)).isInstanceOf(WebhookGate.Open.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_gate_read_before_a_change_commits_is_not_kept_after_it(TestDatabases.Kind kind) {
    start(kind);
    secrets.replace(workspace, new Secret("whsec_first"));
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));

    tx.executeWithoutResult(
        status -> {
          gate.forget(workspace);
          // Read before the commit, as a delivery on another connection would.
          gate.admit(workspace);
        });
    int reads = stripe.reads.get();
    gate.admit(workspace);

    assertThat(stripe.reads.get()).isEqualTo(reads + 1);
  }

  private void start(TestDatabases.Kind kind) {
    db = TestDatabases.migrated(kind);
    JdbcClient jdbc = JdbcClient.create(db);
    workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    settings = TestSyncSettings.on(jdbc, clock);
    secrets =
        new StripeWebhookSecrets(
            vault(jdbc),
            jdbc,
            new TransactionTemplate(new DataSourceTransactionManager(db)),
            clock);
    gate = new WebhookGate(stripe, settings, secrets, clock);
  }

  private static String secretOf(Admission admission) {
    assertThat(admission).isInstanceOf(WebhookGate.Open.class);
    return ((WebhookGate.Open) admission).secret().reveal();
  }

  private SecretVault vault(JdbcClient jdbc) {
    return TestProperties.vault(jdbc, dataDir, clock);
  }

  /**
   * Stripe connected, counting how often the gate asks. Verifying is not under test here, so the
   * provider it hands out is none.
   */
  static final class CountingDirectory implements ProviderDirectory {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public InvoicingProvider forWorkspace(WorkspaceId workspace, Provider provider) {
      return null;
    }

    @Override
    public boolean connected(WorkspaceId workspace, Provider provider) {
      reads.incrementAndGet();
      return true;
    }
  }
}
