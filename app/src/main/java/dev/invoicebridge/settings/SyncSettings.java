package dev.invoicebridge.settings;

import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads and stores each workspace's {@link SyncPreferences}; a workspace without a row has the
 * defaults. Saving only stores: what a change sets in motion (schema, webhook endpoint) is the
 * caller's.
 */
@Service
public class SyncSettings {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final List<Consumer<WorkspaceId>> savedListeners = new CopyOnWriteArrayList<>();

  SyncSettings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The stored preferences, with when they were last changed (empty while defaults). */
  public record Stored(SyncPreferences preferences, Optional<Instant> updatedAt) {}

  public Stored stored(WorkspaceId workspace) {
    return jdbc.sql(
            "select sync_invoices, create_missing_people, updated_at from workspace_settings"
                + " where workspace_id = ?")
        .param(workspace.value())
        .query(
            (rs, row) ->
                new Stored(
                    new SyncPreferences(
                        rs.getBoolean("sync_invoices"), rs.getBoolean("create_missing_people")),
                    Optional.of(rs.getTimestamp("updated_at").toInstant())))
        .optional()
        .orElseGet(() -> new Stored(SyncPreferences.defaults(), Optional.empty()));
  }

  public SyncPreferences get(WorkspaceId workspace) {
    return stored(workspace).preferences();
  }

  /** The master switch: false means send-only (nothing written to Attio, webhooks dropped). */
  public boolean syncEnabled(WorkspaceId workspace) {
    return get(workspace).syncInvoices();
  }

  /** Whether an unmatched customer email creates a person in Attio. */
  public boolean createMissingPeople(WorkspaceId workspace) {
    return get(workspace).createMissingPeople();
  }

  /**
   * Calls {@code listener} after every save on this instance, for what keeps a copy of the
   * preferences (the webhook endpoint's admission cache).
   */
  public void whenSaved(Consumer<WorkspaceId> listener) {
    savedListeners.add(listener);
  }

  /** Replaces the workspace's preferences. */
  public void save(WorkspaceId workspace, SyncPreferences preferences) {
    store(workspace, preferences);
    savedListeners.forEach(l -> l.accept(workspace));
  }

  private void store(WorkspaceId workspace, SyncPreferences preferences) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.sql(
                "update workspace_settings set sync_invoices = ?, create_missing_people = ?,"
                    + " updated_at = ? where workspace_id = ?")
            .params(
                preferences.syncInvoices(),
                preferences.createMissingPeople(),
                now,
                workspace.value())
            .update();
    if (updated > 0) {
      return;
    }
    try {
      jdbc.sql(
              "insert into workspace_settings (workspace_id, sync_invoices,"
                  + " create_missing_people, updated_at) values (?, ?, ?, ?)")
          .params(
              workspace.value(), preferences.syncInvoices(), preferences.createMissingPeople(), now)
          .update();
    } catch (DuplicateKeyException raced) {
      // Another request inserted the row first; ours is the later change, so it wins.
      store(workspace, preferences);
    }
  }
}
