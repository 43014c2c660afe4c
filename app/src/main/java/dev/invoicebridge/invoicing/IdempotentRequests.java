package dev.invoicebridge.invoicing;

import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of invoice creation: the first request with a key claims it; a retry finds the
 * claim and is answered from it. A claim left unfinished by a crashed request may be taken over
 * once it is older than {@link #STALE_AFTER}.
 */
@Repository
class IdempotentRequests {
  /** Longer than any create takes (bounded Stripe and Attio timeouts and retries). */
  static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final Clock clock;

  IdempotentRequests(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A stored claim. */
  record Claim(String requestHash, InvoiceId invoiceId, Instant createdAt, boolean finished) {}

  /** Claims the key; the existing claim when someone else holds it. */
  Optional<Claim> claim(WorkspaceId workspace, String key, String requestHash, InvoiceId id) {
    try {
      jdbc.sql(
              "insert into invoice_request (workspace_id, idempotency_key, request_hash,"
                  + " invoice_id, created_at) values (?, ?, ?, ?, ?)")
          .params(workspace.value(), key, requestHash, id.value(), Timestamp.from(clock.instant()))
          .update();
      return Optional.empty();
    } catch (DuplicateKeyException e) {
      Claim existing = find(workspace, key).orElseThrow(() -> e);
      if (!existing.finished()
          && existing.requestHash().equals(requestHash)
          && existing.createdAt().plus(STALE_AFTER).isBefore(clock.instant())
          && takeOver(workspace, key, existing)) {
        return Optional.empty();
      }
      return Optional.of(existing);
    }
  }

  void finish(WorkspaceId workspace, String key) {
    jdbc.sql(
            "update invoice_request set finished_at = ? where workspace_id = ? and"
                + " idempotency_key = ?")
        .params(Timestamp.from(clock.instant()), workspace.value(), key)
        .update();
  }

  /** Frees the key after a failure, so that the client's retry runs the request again. */
  void release(WorkspaceId workspace, String key) {
    jdbc.sql(
            "delete from invoice_request where workspace_id = ? and idempotency_key = ?"
                + " and finished_at is null")
        .params(workspace.value(), key)
        .update();
  }

  private boolean takeOver(WorkspaceId workspace, String key, Claim stale) {
    return jdbc.sql(
                "update invoice_request set created_at = ? where workspace_id = ? and"
                    + " idempotency_key = ? and created_at = ? and finished_at is null")
            .params(
                Timestamp.from(clock.instant()),
                workspace.value(),
                key,
                Timestamp.from(stale.createdAt()))
            .update()
        == 1;
  }

  private Optional<Claim> find(WorkspaceId workspace, String key) {
    return jdbc.sql(
            "select request_hash, invoice_id, created_at, finished_at from invoice_request"
                + " where workspace_id = ? and idempotency_key = ?")
        .params(workspace.value(), key)
        .query(
            (rs, row) ->
                new Claim(
                    rs.getString("request_hash"),
                    new InvoiceId(rs.getString("invoice_id")),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("finished_at") != null))
        .optional();
  }
}
