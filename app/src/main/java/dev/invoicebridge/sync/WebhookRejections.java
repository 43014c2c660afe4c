package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts webhook deliveries refused for a workspace, per hour, for the Settings health block. Only
 * the count and the reason are kept: a refused delivery's content is not trusted, so not stored.
 */
@Repository
class WebhookRejections {
  private final JdbcClient jdbc;
  private final Clock clock;

  WebhookRejections(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one refused delivery; {@code reason} is our word for it, such as a signature state. */
  void count(WorkspaceId workspace, Provider provider, String reason) {
    Timestamp hour = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.HOURS));
    String why = reason.length() > 40 ? reason.substring(0, 40) : reason;
    int updated =
        jdbc.sql(
                "update webhook_rejection set rejections = rejections + 1, last_reason = ?"
                    + " where workspace_id = ? and provider = ? and hour_start = ?")
            .params(why, workspace.value(), provider.name(), hour)
            .update();
    if (updated > 0) {
      return;
    }
    try {
      jdbc.sql(
              "insert into webhook_rejection (workspace_id, provider, hour_start, rejections,"
                  + " last_reason) values (?, ?, ?, 1, ?)")
          .params(workspace.value(), provider.name(), hour, why)
          .update();
    } catch (DuplicateKeyException raced) {
      count(workspace, provider, reason);
    }
  }

  /** Refused deliveries in the hours that began at or after {@code since}'s hour. */
  long since(WorkspaceId workspace, Provider provider, Instant since) {
    return jdbc.sql(
            "select coalesce(sum(rejections), 0) from webhook_rejection where workspace_id = ?"
                + " and provider = ? and hour_start >= ?")
        .params(
            workspace.value(), provider.name(), Timestamp.from(since.truncatedTo(ChronoUnit.HOURS)))
        .query(Long.class)
        .single();
  }
}
