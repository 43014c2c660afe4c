package dev.invoicebridge.invoicing;

import dev.invoicebridge.invoicing.MirroredInvoice.Links;
import dev.invoicebridge.workspace.WorkspaceId;
import java.net.URI;
import java.sql.Date;
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

/** The invoice mirror table: plain SQL, one row per provider invoice. */
@Repository
public class InvoiceMirror {
  private static final String COLUMNS =
      "id, provider, provider_invoice_id, number, status, total, amount_due, amount_paid,"
          + " amount_remaining, currency, due_date, hosted_invoice_url, record_object, record_id,"
          + " recipient_record_id, company_record_id, deal_record_id, customer_email,"
          + " attio_values_hash, version, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  InvoiceMirror(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<MirroredInvoice> get(WorkspaceId workspace, InvoiceId id) {
    return jdbc.sql("select " + COLUMNS + " from invoice where workspace_id = ? and id = ?")
        .params(workspace.value(), id.value())
        .query(InvoiceMirror::map)
        .optional();
  }

  public Optional<MirroredInvoice> byProviderId(
      WorkspaceId workspace, Provider provider, ProviderInvoiceId id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from invoice where workspace_id = ? and provider = ? and provider_invoice_id = ?")
        .params(workspace.value(), provider.name(), id.value())
        .query(InvoiceMirror::map)
        .optional();
  }

  /** Newest first, one page. */
  public List<MirroredInvoice> list(WorkspaceId workspace, int limit, int offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from invoice where workspace_id = ? order by created_at desc, id"
                + " limit ? offset ?")
        .params(workspace.value(), limit, offset)
        .query(InvoiceMirror::map)
        .list();
  }

  /** Inserts the first row of an invoice; false when another writer inserted it first. */
  public boolean insert(WorkspaceId workspace, MirroredInvoice m) {
    Timestamp now = Timestamp.from(clock.instant());
    ProviderInvoice i = m.invoice();
    try {
      jdbc.sql(
              "insert into invoice ("
                  + COLUMNS
                  + ", workspace_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              m.id().value(),
              m.provider().name(),
              i.id().value(),
              i.number().orElse(null),
              i.status(),
              i.amounts().total(),
              i.amounts().due(),
              i.amounts().paid(),
              i.amounts().remaining(),
              i.currency(),
              m.dueDate().map(Date::valueOf).orElse(null),
              i.hostedUrl().map(URI::toString).orElse(null),
              m.source().map(RecordRef::object).orElse(null),
              m.source().map(RecordRef::recordId).orElse(null),
              m.links().personRecordId().orElse(null),
              m.links().companyRecordId().orElse(null),
              m.links().dealRecordId().orElse(null),
              m.links().customerEmail().orElse(null),
              null,
              0L,
              Timestamp.from(m.createdAt()),
              workspace.value(),
              now)
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      // The provider invoice is mirrored already (a webhook or a retry got here first).
      return false;
    }
  }

  /** Writes the provider's state if the row is still at {@code version}; false if it moved on. */
  public boolean update(WorkspaceId workspace, MirroredInvoice current, ProviderInvoice fresh) {
    return jdbc.sql(
                "update invoice set number = ?, status = ?, total = ?, amount_due = ?,"
                    + " amount_paid = ?, amount_remaining = ?, currency = ?,"
                    + " hosted_invoice_url = ?, version = version + 1, updated_at = ?"
                    + " where workspace_id = ? and id = ? and version = ?")
            .params(
                fresh.number().orElse(null),
                fresh.status(),
                fresh.amounts().total(),
                fresh.amounts().due(),
                fresh.amounts().paid(),
                fresh.amounts().remaining(),
                fresh.currency(),
                fresh.hostedUrl().map(URI::toString).orElse(null),
                Timestamp.from(clock.instant()),
                workspace.value(),
                current.id().value(),
                current.version())
            .update()
        == 1;
  }

  /** When a completed sync last read an invoice from its provider (the moment the read began). */
  public record LastRead(InvoiceId invoice, Instant startedAt) {}

  /** The invoice's last completed read, if any sync recorded one. */
  public Optional<LastRead> lastRead(
      WorkspaceId workspace, Provider provider, ProviderInvoiceId id) {
    return jdbc.sql(
            "select id, synced_at from invoice where workspace_id = ? and provider = ?"
                + " and provider_invoice_id = ? and synced_at is not null")
        .params(workspace.value(), provider.name(), id.value())
        .query(
            (rs, row) ->
                new LastRead(
                    new InvoiceId(rs.getString("id")), rs.getTimestamp("synced_at").toInstant()))
        .optional();
  }

  /**
   * Records that a read begun at {@code startedAt} has been applied (mirror and Attio); the mark
   * only moves forward, so a slow sync finishing last cannot push it back.
   */
  public void readApplied(
      WorkspaceId workspace, Provider provider, ProviderInvoiceId id, Instant startedAt) {
    Timestamp at = Timestamp.from(startedAt);
    jdbc.sql(
            "update invoice set synced_at = ? where workspace_id = ? and provider = ?"
                + " and provider_invoice_id = ? and (synced_at is null or synced_at < ?)")
        .params(at, workspace.value(), provider.name(), id.value(), at)
        .update();
  }

  /** Remembers what was last written to Attio for the invoice. */
  public void attioWritten(WorkspaceId workspace, InvoiceId id, String valuesHash) {
    jdbc.sql("update invoice set attio_values_hash = ? where workspace_id = ? and id = ?")
        .params(valuesHash, workspace.value(), id.value())
        .update();
  }

  private static MirroredInvoice map(ResultSet rs, int row) throws SQLException {
    ProviderInvoice invoice =
        new ProviderInvoice(
            new ProviderInvoiceId(rs.getString("provider_invoice_id")),
            null,
            rs.getString("status"),
            Optional.ofNullable(rs.getString("number")),
            rs.getString("currency"),
            new ProviderInvoice.Amounts(
                rs.getLong("total"),
                rs.getLong("amount_due"),
                rs.getLong("amount_paid"),
                rs.getLong("amount_remaining")),
            Optional.ofNullable(rs.getString("hosted_invoice_url")).map(URI::create),
            rs.getTimestamp("created_at").toInstant(),
            Optional.empty());
    String object = rs.getString("record_object");
    Date due = rs.getDate("due_date");
    return new MirroredInvoice(
        new InvoiceId(rs.getString("id")),
        Provider.valueOf(rs.getString("provider")),
        invoice,
        Optional.ofNullable(due).map(Date::toLocalDate),
        object == null
            ? Optional.empty()
            : Optional.of(new RecordRef(object, rs.getString("record_id"))),
        new Links(
            Optional.ofNullable(rs.getString("recipient_record_id")),
            Optional.ofNullable(rs.getString("company_record_id")),
            Optional.ofNullable(rs.getString("deal_record_id")),
            Optional.ofNullable(rs.getString("customer_email"))),
        Optional.ofNullable(rs.getString("attio_values_hash")),
        rs.getLong("version"),
        rs.getTimestamp("created_at").toInstant());
  }
}
