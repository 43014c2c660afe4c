package dev.invoicebridge.connection;

import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.HttpAttioClient;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One Attio client per workspace connection, shared by every caller in this instance so that the
 * client's pacing sees all of the token's traffic (Attio's limits are per token). The token is read
 * from the vault at call time, so a reconnect with a new token takes effect at once.
 */
@Component
public class AttioClients {
  private final Connections connections;
  private final SecretVault vault;
  private final MicrometerAttioMetrics metrics;
  private final Clock clock;
  private final Map<Key, AttioClient> clients = new ConcurrentHashMap<>();

  AttioClients(Connections connections, SecretVault vault, MeterRegistry registry, Clock clock) {
    this.connections = connections;
    this.vault = vault;
    this.metrics = new MicrometerAttioMetrics(registry);
    this.clock = clock;
  }

  private record Key(WorkspaceId workspace, URI baseUrl) {}

  /** The workspace's Attio client; {@link AttioNotConnected} when Attio is not connected. */
  public AttioClient forWorkspace(WorkspaceId workspace) {
    Connection connection =
        connections
            .get(workspace, ConnectionKind.ATTIO)
            .orElseThrow(() -> new AttioNotConnected(workspace));
    URI baseUrl = connections.target(connection).baseUrl();
    return clients.computeIfAbsent(
        new Key(workspace, baseUrl),
        key ->
            HttpAttioClient.builder(key.baseUrl(), () -> token(key.workspace()))
                .metrics(metrics)
                .clock(clock)
                .build());
  }

  private String token(WorkspaceId workspace) {
    return vault
        .get(workspace, ConnectionKind.ATTIO.credentialSecretName())
        .map(Secret::reveal)
        .orElseThrow(() -> new AttioNotConnected(workspace));
  }

  /** Attio is not connected for the workspace (or was disconnected while a call was prepared). */
  public static final class AttioNotConnected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AttioNotConnected(WorkspaceId workspace) {
      super("Attio is not connected; an admin connects it under Settings.");
    }
  }
}
