package dev.invoicebridge.connection;

import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's connection to one external service. Holds no secret: the credential stays in the
 * vault, read only by the call that sends it.
 *
 * @param baseUrl the API root for a live connection; sandbox connections resolve it at call time
 * @param externalId the provider's id for the account (Attio workspace, Stripe account, realm)
 * @param lastCheck outcome of the latest connection check, if any
 * @param environment {@code test} or {@code live} for Stripe, as of the latest check
 * @param missingPermissions what the credential lacked at the latest successful check
 */
public record Connection(
    WorkspaceId workspaceId,
    ConnectionKind kind,
    ConnectionMode mode,
    String baseUrl,
    String accountName,
    String externalId,
    Instant connectedAt,
    Optional<Check> lastCheck,
    Optional<String> environment,
    List<MissingPermission> missingPermissions) {

  public Connection {
    missingPermissions = List.copyOf(missingPermissions);
  }

  /** The outcome of one connection check; the message is ours, never provider text. */
  public record Check(Instant at, boolean ok, String message) {}
}
