package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook inbox: every verified event once, keyed on the provider's event id. */
@Repository
class WebhookInbox {
  private static final int MAX_ERROR = 500;
  private static final String COLUMNS =
      "provider, event_id, workspace_id, event_type, object_id, received_at, processed_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  WebhookInbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the event; false when it was stored before (a duplicate delivery). A duplicate is no
   * error, so the caller's transaction goes on: on PostgreSQL a failed insert would abort it.
   */
  boolean store(WorkspaceId workspace, Provider provider, WebhookEvent event, String payload) {
    try {
      return jdbc.sql(
                  "insert into webhook_inbox (provider, event_id, workspace_id, event_type,"
                      + " object_id, payload, received_at, attempts) values (?, ?, ?, ?, ?, ?, ?, 0)"
                      + " on conflict do nothing")
              .params(
                  provider.name(),
                  event.id(),
                  workspace.value(),
                  event.type(),
                  event.objectId().orElse(null),
                  payload,
                  Timestamp.from(clock.instant()))
              .update()
          > 0;
    } catch (DuplicateKeyException e) {
      // H2 may still report a row inserted by a concurrent transaction this way.
      return false;
    }
  }

  Optional<InboxEvent> get(Provider provider, String eventId) {
    return jdbc.sql("select " + COLUMNS + " from webhook_inbox where provider = ? and event_id = ?")
        .params(provider.name(), eventId)
        .query(WebhookInbox::map)
        .optional();
  }

  /** Unprocessed events received before {@code before}, oldest first. */
  List<InboxEvent> unprocessed(Instant before, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from webhook_inbox where processed_at is null and received_at < ?"
                + " order by received_at limit ?")
        .params(Timestamp.from(before), limit)
        .query(WebhookInbox::map)
        .list();
  }

  void processed(InboxEvent event) {
    jdbc.sql(
            "update webhook_inbox set processed_at = ?, attempts = attempts + 1, last_error = null"
                + " where provider = ? and event_id = ?")
        .params(Timestamp.from(clock.instant()), event.provider().name(), event.eventId())
        .update();
  }

  void failed(InboxEvent event, String error) {
    String message = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    jdbc.sql(
            "update webhook_inbox set attempts = attempts + 1, last_error = ?"
                + " where provider = ? and event_id = ?")
        .params(message, event.provider().name(), event.eventId())
        .update();
  }

  private static InboxEvent map(ResultSet rs, int row) throws SQLException {
    Timestamp processed = rs.getTimestamp("processed_at");
    return new InboxEvent(
        Provider.valueOf(rs.getString("provider")),
        rs.getString("event_id"),
        new WorkspaceId(rs.getString("workspace_id")),
        rs.getString("event_type"),
        Optional.ofNullable(rs.getString("object_id")),
        rs.getTimestamp("received_at").toInstant(),
        Optional.ofNullable(processed).map(Timestamp::toInstant));
  }
}
