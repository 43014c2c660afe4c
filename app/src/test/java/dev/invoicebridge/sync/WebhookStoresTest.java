package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.support.TestProperties;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook secrets' grace period and the refused-delivery counts, on H2 and PostgreSQL. */
class WebhookStoresTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:20:00Z"));
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_replaced_signing_secret_verifies_for_a_day_and_then_no_more(TestDatabases.Kind kind) {
    DataSource db = TestDatabases.migrated(kind);
    JdbcClient jdbc = JdbcClient.create(db);
    WorkspaceId workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    StripeWebhookSecrets secrets =
        new StripeWebhookSecrets(
            vault(jdbc),
            jdbc,
            new TransactionTemplate(new DataSourceTransactionManager(db)),
            clock);

    secrets.replace(workspace, new Secret("whsec_first"));
    assertThat(secrets.previous(workspace)).isEmpty();
    secrets.replace(workspace, new Secret("whsec_second"));

    assertThat(secrets.current(workspace).orElseThrow().reveal()).isEqualTo("whsec_second");
    assertThat(secrets.previous(workspace))
        .extracting(Secret::reveal)
        .containsExactly("whsec_first");
    clock.advance(StripeWebhookSecrets.GRACE.minusMinutes(1));
    assertThat(secrets.previous(workspace)).hasSize(1);
    clock.advance(Duration.ofMinutes(2));
    assertThat(secrets.previous(workspace)).isEmpty();
    secrets.forget(workspace);
    assertThat(secrets.stored(workspace)).isFalse();
    assertThat(secrets.current(workspace)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void refused_deliveries_are_counted_per_hour_for_the_last_day(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    WorkspaceId workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    WorkspaceId other = new Workspaces(jdbc, clock).create("other", "Other").id();
    WebhookRejections rejections = new WebhookRejections(jdbc, clock);

    for (int i = 0; i < 3; i++) {
      rejections.count(workspace, Provider.STRIPE, "NO_MATCHING_SIGNATURE");
    }
    clock.advance(Duration.ofHours(2));
    rejections.count(workspace, Provider.STRIPE, "TIMESTAMP_OUTSIDE_TOLERANCE");
    rejections.count(other, Provider.STRIPE, "MALFORMED_HEADER");

    assertThat(rejections.since(workspace, Provider.STRIPE, dayAgo())).isEqualTo(4);
    clock.advance(Duration.ofHours(23));
    assertThat(rejections.since(workspace, Provider.STRIPE, dayAgo())).isEqualTo(1);
    assertThat(rejections.since(other, Provider.STRIPE, dayAgo())).isEqualTo(1);
  }

  private Instant dayAgo() {
    return clock.instant().minus(Duration.ofHours(24));
  }

  private SecretVault vault(JdbcClient jdbc) {
    return TestProperties.vault(jdbc, dataDir, clock);
  }
}
