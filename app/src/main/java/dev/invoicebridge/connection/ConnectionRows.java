package dev.invoicebridge.connection;

import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code workspace_connection} rows: where each connection points and its latest check. */
@Repository
class ConnectionRows {
  private static final Logger log = LoggerFactory.getLogger(ConnectionRows.class);
  private static final String COLUMNS =
      "workspace_id, kind, mode, base_url, account_name, external_id, connected_at,"
          + " last_check_at, last_check_ok, last_check_message, environment, missing_permissions";

  private final JdbcClient jdbc;

  ConnectionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Connection> list(WorkspaceId workspace) {
    return jdbc.sql(
            "select " + COLUMNS + " from workspace_connection where workspace_id = ? order by kind")
        .param(workspace.value())
        .query(ConnectionRows::map)
        .list();
  }

  List<Connection> all() {
    return jdbc.sql("select " + COLUMNS + " from workspace_connection order by workspace_id, kind")
        .query(ConnectionRows::map)
        .list();
  }

  Optional<Connection> get(WorkspaceId workspace, ConnectionKind kind) {
    return jdbc.sql(
            "select " + COLUMNS + " from workspace_connection where workspace_id = ? and kind = ?")
        .params(workspace.value(), kind.name())
        .query(ConnectionRows::map)
        .optional();
  }

  /** Where the connection points; a new target forgets what checks found about the old one. */
  void save(WorkspaceId workspace, ConnectionKind kind, Target target, Instant now) {
    int updated =
        jdbc.sql(
                "update workspace_connection set mode = ?, base_url = ?, external_id = ?"
                    + " where workspace_id = ? and kind = ?")
            .params(
                target.mode().name(),
                target.baseUrl(),
                target.externalId(),
                workspace.value(),
                kind.name())
            .update();
    if (updated > 0) {
      return;
    }
    try {
      jdbc.sql(
              "insert into workspace_connection (workspace_id, kind, mode, base_url, external_id,"
                  + " connected_at) values (?, ?, ?, ?, ?, ?)")
          .params(
              workspace.value(),
              kind.name(),
              target.mode().name(),
              target.baseUrl(),
              target.externalId(),
              Timestamp.from(now))
          .update();
    } catch (DuplicateKeyException e) {
      // Another instance connected it at the same moment with the same settings.
      log.debug("{} connection already inserted by another instance", kind);
    }
  }

  /** Where a connection points: mode, API root (live only) and the provider's account id. */
  record Target(ConnectionMode mode, String baseUrl, String externalId) {}

  void delete(WorkspaceId workspace, ConnectionKind kind) {
    jdbc.sql("delete from workspace_connection where workspace_id = ? and kind = ?")
        .params(workspace.value(), kind.name())
        .update();
  }

  /** Records a check; what a successful probe learned replaces what was known. */
  void recordCheck(Connection connection, Connection.Check check, Optional<Probed> probed) {
    String accountName =
        probed
            .flatMap(Probed::accountName)
            .orElse(probed.isPresent() ? null : connection.accountName());
    String environment =
        probed.flatMap(Probed::environment).orElse(connection.environment().orElse(null));
    List<MissingPermission> missing =
        probed.map(Probed::missingPermissions).orElse(connection.missingPermissions());
    String externalId = probed.flatMap(Probed::externalId).orElse(connection.externalId());
    jdbc.sql(
            "update workspace_connection set last_check_at = ?, last_check_ok = ?,"
                + " last_check_message = ?, account_name = ?, environment = ?,"
                + " missing_permissions = ?, external_id = ? where workspace_id = ? and kind = ?")
        .params(
            Timestamp.from(check.at()),
            check.ok(),
            check.message(),
            accountName,
            environment,
            missing.isEmpty() ? null : encode(missing),
            externalId,
            connection.workspaceId().value(),
            connection.kind().name())
        .update();
  }

  static String encode(List<MissingPermission> permissions) {
    return permissions.stream().map(p -> p.id() + "|" + p.name()).collect(Collectors.joining(","));
  }

  static List<MissingPermission> decode(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(","))
        .map(pair -> pair.split("\\|", 2))
        .map(pair -> new MissingPermission(pair[0], pair[1]))
        .toList();
  }

  private static Connection map(ResultSet rs, int row) throws SQLException {
    Timestamp checkedAt = rs.getTimestamp("last_check_at");
    Optional<Connection.Check> check =
        checkedAt == null
            ? Optional.empty()
            : Optional.of(
                new Connection.Check(
                    checkedAt.toInstant(),
                    rs.getBoolean("last_check_ok"),
                    rs.getString("last_check_message")));
    return new Connection(
        new WorkspaceId(rs.getString("workspace_id")),
        ConnectionKind.valueOf(rs.getString("kind")),
        ConnectionMode.valueOf(rs.getString("mode")),
        rs.getString("base_url"),
        rs.getString("account_name"),
        rs.getString("external_id"),
        rs.getTimestamp("connected_at").toInstant(),
        check,
        Optional.ofNullable(rs.getString("environment")),
        decode(rs.getString("missing_permissions")));
  }
}
