package dev.invoicebridge.connection;

import dev.invoicebridge.connection.ConnectionRows.Target;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Connects, checks and disconnects a workspace's Attio, Stripe and QuickBooks connections. */
@Service
public class Connections {
  private static final Logger log = LoggerFactory.getLogger(Connections.class);

  private final ConnectionRows rows;
  private final SecretVault vault;
  private final Infrastructure infra;
  private final Map<ConnectionKind, ConnectionProbe> probes = new EnumMap<>(ConnectionKind.class);

  /** The plumbing, grouped to keep the constructor small. */
  @Component
  record Infrastructure(
      Clock clock,
      LocalServer localServer,
      TransactionTemplate tx,
      ApplicationEventPublisher events) {}

  Connections(
      ConnectionRows rows, SecretVault vault, Infrastructure infra, List<ConnectionProbe> probes) {
    this.rows = rows;
    this.vault = vault;
    this.infra = infra;
    probes.forEach(p -> this.probes.put(p.kind(), p));
  }

  /** Points {@code kind} at the built-in emulator, with the emulator's credential. */
  public void connectSandbox(
      WorkspaceId workspace, ConnectionKind kind, Secret credential, String externalId) {
    save(workspace, kind, new Target(ConnectionMode.SANDBOX, null, externalId), credential);
  }

  /** Points {@code kind} at the real service at {@code baseUrl}. */
  public void connectLive(
      WorkspaceId workspace,
      ConnectionKind kind,
      URI baseUrl,
      Secret credential,
      String externalId) {
    save(
        workspace,
        kind,
        new Target(ConnectionMode.LIVE, baseUrl.toString(), externalId),
        credential);
  }

  /**
   * Connects the real service {@code target} describes, whose credential was just probed (see
   * {@link #probe}), recording that probe as the connection's first check.
   */
  public Connection connectProbed(WorkspaceId workspace, ConnectionTarget target, Probed probed) {
    connectLive(
        workspace,
        target.kind(),
        target.baseUrl(),
        target.credential(),
        probed.externalId().orElse(null));
    Connection connection = get(workspace, target.kind()).orElseThrow();
    rows.recordCheck(
        connection,
        new Connection.Check(infra.clock().instant(), true, "Connected"),
        Optional.of(probed));
    return get(workspace, target.kind()).orElseThrow();
  }

  /** Forgets the connection and its credential; data already synced stays. */
  public void disconnect(WorkspaceId workspace, ConnectionKind kind) {
    infra
        .tx()
        .executeWithoutResult(
            status -> {
              rows.delete(workspace, kind);
              vault.delete(workspace, kind.credentialSecretName());
            });
  }

  public List<Connection> list(WorkspaceId workspace) {
    return rows.list(workspace);
  }

  public List<Connection> all() {
    return rows.all();
  }

  public Optional<Connection> get(WorkspaceId workspace, ConnectionKind kind) {
    return rows.get(workspace, kind);
  }

  /** Where and how to call this connection right now. */
  public ConnectionTarget target(Connection connection) {
    URI base =
        connection.mode() == ConnectionMode.SANDBOX
            ? infra.localServer().sandboxBaseUrl(connection.kind())
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

  /**
   * Asks the service about {@code target} without storing anything: how a credential is tried
   * before it is connected.
   *
   * @throws ConnectionProbe.ProbeFailure when the service refuses it or cannot be asked
   */
  public Probed probe(ConnectionTarget target) {
    return probes.get(target.kind()).probe(target);
  }

  /** Probes the connection, records the outcome, announces it, and returns it. */
  public Connection.Check check(Connection connection) {
    Instant at = infra.clock().instant();
    Connection.Check result;
    Optional<Probed> probed = Optional.empty();
    try {
      probed = Optional.of(probe(target(connection)));
      result = new Connection.Check(at, true, "Connected");
    } catch (ConnectionProbe.ProbeFailure e) {
      result = new Connection.Check(at, false, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("{} connection check failed unexpectedly", connection.kind().displayName(), e);
      result =
          new Connection.Check(
              at, false, "The connection check failed unexpectedly; see the server log.");
    }
    rows.recordCheck(connection, result, probed);
    Connection checked = get(connection.workspaceId(), connection.kind()).orElse(connection);
    infra.events().publishEvent(new ConnectionChecked(checked, result));
    return result;
  }

  private void save(WorkspaceId workspace, ConnectionKind kind, Target target, Secret credential) {
    infra
        .tx()
        .executeWithoutResult(
            status -> {
              vault.put(workspace, kind.credentialSecretName(), credential);
              rows.save(workspace, kind, target, infra.clock().instant());
            });
  }
}
