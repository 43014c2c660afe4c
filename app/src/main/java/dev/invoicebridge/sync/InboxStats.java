package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the webhook inbox says about a workspace's deliveries, for the health block. */
@Repository
class InboxStats {
  private final JdbcClient jdbc;

  InboxStats(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Instant> lastReceived(WorkspaceId workspace, Provider provider) {
    return jdbc.sql(
            "select received_at from webhook_inbox where workspace_id = ? and provider = ?"
                + " order by received_at desc limit 1")
        .params(workspace.value(), provider.name())
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  /** Events not applied yet that have failed at least once, newest first. */
  List<WebhookHealth.FailingEvent> failing(WorkspaceId workspace, Provider provider, int limit) {
    return jdbc.sql(
            "select event_id, event_type, attempts, last_error, received_at from webhook_inbox"
                + " where workspace_id = ? and provider = ? and processed_at is null"
                + " and attempts > 0 order by received_at desc limit ?")
        .params(workspace.value(), provider.name(), limit)
        .query(
            (rs, row) ->
                new WebhookHealth.FailingEvent(
                    rs.getString("event_id"),
                    rs.getString("event_type"),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    rs.getTimestamp("received_at").toInstant()))
        .list();
  }

  long failingCount(WorkspaceId workspace, Provider provider) {
    return jdbc.sql(
            "select count(*) from webhook_inbox where workspace_id = ? and provider = ?"
                + " and processed_at is null and attempts > 0")
        .params(workspace.value(), provider.name())
        .query(Long.class)
        .single();
  }
}
