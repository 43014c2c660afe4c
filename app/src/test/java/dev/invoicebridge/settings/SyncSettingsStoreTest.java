package dev.invoicebridge.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sync preferences per workspace, on H2 and PostgreSQL. */
class SyncSettingsStoreTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_workspace_syncs_by_default_and_keeps_what_its_admin_saved(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspaces workspaces = new Workspaces(jdbc, clock);
    WorkspaceId mine = workspaces.ensureDefault("Mine").id();
    WorkspaceId other = workspaces.create("other", "Other").id();
    SyncSettings settings = new SyncSettings(jdbc, clock);

    assertThat(settings.stored(mine))
        .isEqualTo(new SyncSettings.Stored(SyncPreferences.defaults(), java.util.Optional.empty()));
    settings.save(mine, new SyncPreferences(false, true));
    clock.advance(Duration.ofMinutes(5));
    settings.save(mine, new SyncPreferences(false, false));

    assertThat(settings.syncEnabled(mine)).isFalse();
    assertThat(settings.createMissingPeople(mine)).isFalse();
    assertThat(settings.stored(mine).updatedAt()).hasValue(clock.instant());
    assertThat(settings.syncEnabled(other)).isTrue();
    assertThat(settings.createMissingPeople(other)).isFalse();
  }
}
