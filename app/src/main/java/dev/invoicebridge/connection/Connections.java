package dev.invoicebridge.connection;

import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Connects, checks and disconnects a workspace's Attio, Stripe and QuickBooks connections. */
@Service
public class Connections {
  private static final Logger log = LoggerFactory.getLogger(Connections.class);
  private static final String COLUMNS =
      "workspace_id, kind, mode, base_url, account_name, external_id, connected_at,"
          + " last_check_at, last_check_ok, last_check_message";

  private final JdbcClient jdbc;
  private final SecretVault vault;
  private final Clock clock;
  private final LocalServer localServer;
  private final TransactionTemplate tx;
  private final Map<ConnectionKind, ConnectionProbe> probes = new EnumMap<>(ConnectionKind.class);

  public Connections(
      JdbcClient jdbc,
      SecretVault vault,
      Clock clock,
      LocalServer localServer,
      TransactionTemplate tx,
      List<ConnectionProbe> probes) {
    this.jdbc = jdbc;
    this.vault = vault;
    this.clock = clock;
    this.localServer = localServer;
    this.tx = tx;
    probes.forEach(p -> this.probes.put(p.kind(), p));
  }

  /** Points {@code kind} at the built-in emulator, with the emulator's credential. */
  public void connectSandbox(
      WorkspaceId workspace, ConnectionKind kind, Secret credential, String externalId) {
    save(workspace, kind, ConnectionMode.SANDBOX, null, credential, externalId);
  }

  /** Points {@code kind} at the real service at {@code baseUrl}. */
  public void connectLive(
      WorkspaceId workspace,
      ConnectionKind kind,
      URI baseUrl,
      Secret credential,
      String externalId) {
    save(workspace, kind, ConnectionMode.LIVE, baseUrl.toString(), credential, externalId);
  }

  /** Forgets the connection and its credential; data already synced stays. */
  public void disconnect(WorkspaceId workspace, ConnectionKind kind) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("delete from workspace_connection where workspace_id = ? and kind = ?")
              .params(workspace.value(), kind.name())
              .update();
          vault.delete(workspace, kind.credentialSecretName());
        });
  }

  public List<Connection> list(WorkspaceId workspace) {
    return jdbc.sql(
            "select " + COLUMNS + " from workspace_connection where workspace_id = ? order by kind")
        .param(workspace.value())
        .query(Connections::map)
        .list();
  }

  public List<Connection> all() {
    return jdbc.sql("select " + COLUMNS + " from workspace_connection order by workspace_id, kind")
        .query(Connections::map)
        .list();
  }

  public Optional<Connection> get(WorkspaceId workspace, ConnectionKind kind) {
    return jdbc.sql(
            "select " + COLUMNS + " from workspace_connection where workspace_id = ? and kind = ?")
        .params(workspace.value(), kind.name())
        .query(Connections::map)
        .optional();
  }

  /** Where and how to call this connection right now. */
  public ConnectionTarget target(Connection connection) {
    URI base =
        connection.mode() == ConnectionMode.SANDBOX
            ? localServer.sandboxBaseUrl(connection.kind())
            : URI.create(connection.baseUrl());
    Secret credential =
        vault
            .get(connection.workspaceId(), connection.kind().credentialSecretName())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        connection.kind().displayName() + " is connected but has no credential"));
    return new ConnectionTarget(
        connection.kind(), base, credential, connection.externalId(), connection.workspaceId());
  }

  /** Probes the connection, records the outcome and returns it. */
  public Connection.Check check(Connection connection) {
    ConnectionProbe probe = probes.get(connection.kind());
    Instant at = clock.instant();
    Connection.Check result;
    String accountName = connection.accountName();
    try {
      accountName = probe.probe(target(connection));
      result = new Connection.Check(at, true, "Connected");
    } catch (ConnectionProbe.ProbeFailure e) {
      result = new Connection.Check(at, false, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("{} connection check failed unexpectedly", connection.kind().displayName(), e);
      result =
          new Connection.Check(
              at, false, "The connection check failed unexpectedly; see the server log.");
    }
    jdbc.sql(
            "update workspace_connection set last_check_at = ?, last_check_ok = ?,"
                + " last_check_message = ?, account_name = ? where workspace_id = ? and kind = ?")
        .params(
            Timestamp.from(at),
            result.ok(),
            result.message(),
            accountName,
            connection.workspaceId().value(),
            connection.kind().name())
        .update();
    return result;
  }

  private void save(
      WorkspaceId workspace,
      ConnectionKind kind,
      ConnectionMode mode,
      String baseUrl,
      Secret credential,
      String externalId) {
    tx.executeWithoutResult(
        status -> {
          vault.put(workspace, kind.credentialSecretName(), credential);
          int updated =
              jdbc.sql(
                      "update workspace_connection set mode = ?, base_url = ?, external_id = ?"
                          + " where workspace_id = ? and kind = ?")
                  .params(mode.name(), baseUrl, externalId, workspace.value(), kind.name())
                  .update();
          if (updated == 0) {
            insert(workspace, kind, mode, baseUrl, externalId);
          }
        });
  }

  private void insert(
      WorkspaceId workspace,
      ConnectionKind kind,
      ConnectionMode mode,
      String baseUrl,
      String externalId) {
    try {
      jdbc.sql(
              "insert into workspace_connection (workspace_id, kind, mode, base_url, external_id,"
                  + " connected_at) values (?, ?, ?, ?, ?, ?)")
          .params(
              workspace.value(),
              kind.name(),
              mode.name(),
              baseUrl,
              externalId,
              Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      // Another instance connected it at the same moment with the same settings.
      log.debug("{} connection already inserted by another instance", kind);
    }
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
        check);
  }
}
