package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook inbox: every verified event once, keyed on the provider's event id, and the queue its
 * processing drains. An unprocessed event is due at {@code next_attempt_at}; a drain claims due
 * events for a lease, and applies, fails (due again later) or releases them.
 */
@Repository
class WebhookInbox {
  private static final int MAX_ERROR = 500;
  private static final String INSERT_EVENT =
      "insert into webhook_inbox (provider, event_id, workspace_id, event_type, object_id,"
          + " received_at, next_attempt_at, attempts) values (?, ?, ?, ?, ?, ?, ?, 0)"
          + " on conflict do nothing";
  private static final String COLUMNS =
      "provider, event_id, workspace_id, event_type, object_id, received_at, processed_at,"
          + " attempts";

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final Clock clock;
  private final boolean shared;
  private final TransactionTemplate transactions;

  WebhookInbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = JdbcClient.create(jdbc);
    this.batches = jdbc;
    this.clock = clock;
    this.shared = shared(jdbc);
    // Transactions on the same data source as every other one, so they join one already running.
    this.transactions =
        new TransactionTemplate(
            new JdbcTransactionManager(
                Objects.requireNonNull(jdbc.getDataSource(), "a JdbcTemplate with a data source")));
  }

  /**
   * Whether other instances may drain this inbox too: on PostgreSQL. An H2 database file is open in
   * one process only (H2 locks it), so there its one drain needs no claims.
   */
  private static boolean shared(JdbcTemplate jdbc) {
    String product =
        jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    return !"H2".equals(product);
  }

  /**
   * Stores the event, due at once, and its raw body beside it, both or neither; false when it was
   * stored before (a duplicate delivery). A duplicate is no error, so a caller's transaction goes
   * on: on PostgreSQL a failed insert would abort it.
   */
  boolean store(WorkspaceId workspace, Provider provider, WebhookEvent event, String payload) {
    Timestamp now = Timestamp.from(clock.instant());
    Object[] row = {
      provider.name(),
      event.id(),
      workspace.value(),
      event.type(),
      event.objectId().orElse(null),
      now,
      now
    };
    if (shared) {
      // One statement, so one commit per delivery as before: the body is inserted only when the
      // event is.
      return jdbc.sql(
                  "with stored as ("
                      + INSERT_EVENT
                      + " returning provider, event_id)"
                      + " insert into webhook_payload (provider, event_id, payload)"
                      + " select provider, event_id, cast(? as text) from stored")
              .params(row)
              .param(payload)
              .update()
          > 0;
    }
    // H2 has no data-modifying WITH; its commits stay in the process.
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              status -> {
                if (jdbc.sql(INSERT_EVENT).params(row).update() == 0) {
                  return false;
                }
                jdbc.sql(
                        "insert into webhook_payload (provider, event_id, payload) values (?, ?, ?)")
                    .params(provider.name(), event.id(), payload)
                    .update();
                return true;
              }));
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

  /**
   * Claims up to about {@code limit} due events, oldest due first, for {@code lease}: unprocessed,
   * due, and not claimed by a drain whose lease still runs. The claim is one guarded update of a
   * range of the due index (no list of ids, which H2 would compare row by row), so of two instances
   * claiming at once each event goes to one of them: PostgreSQL re-checks the guard on a row that
   * another transaction changed meanwhile. On H2 the one drain of the one instance takes the due
   * events without writing a claim: each write would copy the event's row.
   */
  List<InboxEvent> claim(int limit, Duration lease) {
    Instant now = clock.instant();
    if (!shared) {
      return jdbc.sql(
              "select "
                  + COLUMNS
                  + " from webhook_inbox where processed_at is null and next_attempt_at <= ?"
                  + " order by next_attempt_at limit ?")
          .params(Timestamp.from(now), limit)
          .query(WebhookInbox::map)
          .list();
    }
    List<Timestamp> due =
        jdbc.sql(
                "select next_attempt_at from webhook_inbox where processed_at is null"
                    + " and next_attempt_at <= :now"
                    + " and (claimed_until is null or claimed_until < :now)"
                    + " order by next_attempt_at limit :limit")
            .param("now", Timestamp.from(now))
            .param("limit", limit)
            .query(Timestamp.class)
            .list();
    if (due.isEmpty()) {
      return List.of();
    }
    // Up to the last candidate: a few more when several events share its instant.
    Timestamp upTo = due.getLast();
    String claim = UUID.randomUUID().toString();
    int claimed =
        jdbc.sql(
                "update webhook_inbox set claimed_by = :claim, claimed_until = :until"
                    + " where processed_at is null and next_attempt_at <= :upTo"
                    + " and (claimed_until is null or claimed_until < :now)")
            .param("claim", claim)
            .param("until", Timestamp.from(now.plus(lease)))
            .param("upTo", upTo)
            .param("now", Timestamp.from(now))
            .update();
    if (claimed == 0) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from webhook_inbox where processed_at is null and next_attempt_at <= :upTo"
                + " and claimed_by = :claim order by next_attempt_at")
        .param("upTo", upTo)
        .param("claim", claim)
        .query(WebhookInbox::map)
        .list();
  }

  /**
   * Marks the events applied. Found by primary key alone: with {@code processed_at is null} added,
   * PostgreSQL's generic plan took the due index (few unprocessed rows, its statistics said) and
   * scanned every unprocessed event for each update, ten times the cost under a backlog. Marking an
   * event another drain applied too only moves its time.
   */
  void processed(Collection<InboxEvent> events) {
    Timestamp now = Timestamp.from(clock.instant());
    each(
        events,
        "update webhook_inbox set processed_at = ?, attempts = attempts + 1, last_error = null,"
            + " claimed_by = null, claimed_until = null"
            + " where provider = ? and event_id = ?",
        now);
  }

  /** Records a failed attempt; the events are due again at {@code retryAt}. */
  void failed(Collection<InboxEvent> events, String error, Instant retryAt) {
    String message = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    each(
        events,
        "update webhook_inbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
            + " claimed_by = null, claimed_until = null"
            + " where provider = ? and event_id = ? and processed_at is null",
        message,
        Timestamp.from(retryAt));
  }

  /** Gives claimed events back untried, due as they were (a drain stopping). */
  void release(Collection<InboxEvent> events) {
    each(
        events,
        "update webhook_inbox set claimed_by = null, claimed_until = null"
            + " where provider = ? and event_id = ? and processed_at is null");
  }

  /**
   * Runs {@code sql} once per event, as one JDBC batch (one round trip): its parameters are {@code
   * leading}, then the event's provider and id, so each update finds its row by primary key.
   */
  private void each(Collection<InboxEvent> events, String sql, Object... leading) {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (InboxEvent e : events) {
      Object[] row = Arrays.copyOf(leading, leading.length + 2);
      row[leading.length] = e.provider().name();
      row[leading.length + 1] = e.eventId();
      rows.add(row);
    }
    batches.batchUpdate(sql, rows);
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
        Optional.ofNullable(processed).map(Timestamp::toInstant),
        rs.getInt("attempts"));
  }
}
