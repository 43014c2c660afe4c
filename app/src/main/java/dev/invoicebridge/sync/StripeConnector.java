package dev.invoicebridge.sync;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionMode;
import dev.invoicebridge.connection.ConnectionProbe.ProbeFailure;
import dev.invoicebridge.connection.ConnectionTarget;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.connection.Probed;
import dev.invoicebridge.connection.SandboxOptOuts;
import dev.invoicebridge.sandbox.SandboxCredentials;
import dev.invoicebridge.sandboxmode.SandboxAccounts;
import dev.invoicebridge.sandboxmode.SandboxMode;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * Connects and disconnects a workspace's Stripe. A pasted key is checked for its shape, then probed
 * (account, test or live, missing permissions) and stored sealed only if Stripe accepts it; then
 * the sync switch is applied. Disconnecting removes our webhook endpoint at Stripe and forgets the
 * key; invoices, mirror rows and Attio records stay.
 */
@Service
public class StripeConnector {
  private static final Logger log = LoggerFactory.getLogger(StripeConnector.class);

  private final Connections connections;
  private final SyncSetup setup;
  private final StripeWebhookRegistrar registrar;
  private final Surroundings around;

  /**
   * Configuration, the sandbox, and the webhook gate (it keeps what the connection decides),
   * grouped to keep the constructor small.
   */
  @Component
  record Surroundings(
      InvoicebridgeProperties properties,
      SandboxMode sandboxMode,
      SandboxAccounts sandboxAccounts,
      SandboxOptOuts optOuts,
      Workspaces workspaces,
      WebhookGate gate) {}

  StripeConnector(
      Connections connections,
      SyncSetup setup,
      StripeWebhookRegistrar registrar,
      Surroundings around) {
    this.connections = connections;
    this.setup = setup;
    this.registrar = registrar;
    this.around = around;
  }

  /** The connection as it now is, and what setting up sync did. */
  public record Outcome(Optional<Connection> connection, Applied applied) {}

  /**
   * Connects the real Stripe at {@code invoicebridge.stripe.api-base} with a pasted key.
   *
   * @throws ValidationFailure on {@code secret_key} when it is no key or Stripe rejects it
   * @throws StripeConnectFailure when Stripe cannot be asked; nothing is stored then either
   */
  public Outcome connect(WorkspaceId workspace, String pastedKey) {
    Secret key = StripeKeys.parse(pastedKey);
    ConnectionTarget target =
        new ConnectionTarget(
            ConnectionKind.STRIPE, around.properties().stripe().apiBase(), key, null, workspace);
    Probed probed;
    try {
      probed = connections.probe(target);
    } catch (ProbeFailure e) {
      if (e.credentialRejected()) {
        throw new ValidationFailure(
            StripeKeys.FIELD,
            "was rejected by Stripe (HTTP 401): the key is wrong, revoked or expired; copy it"
                + " again from the Stripe Dashboard under Developers → API keys");
      }
      throw new StripeConnectFailure(
          StripeConnectFailure.Reason.STRIPE_UNAVAILABLE, e.getMessage());
    }
    Applied retired =
        connections
            .get(workspace, ConnectionKind.STRIPE)
            .filter(old -> !sameLiveAccount(old, probed))
            .map(this::retire)
            .orElse(Applied.nothing());
    Connection connected = connections.connectProbed(workspace, target, probed);
    around.gate().forget(workspace);
    log.info(
        "Stripe connected with a {} key ({} missing permissions)",
        connected.environment().orElse("?"),
        connected.missingPermissions().size());
    return new Outcome(Optional.of(connected), retired.and(setup.apply(workspace)));
  }

  /** Removes our webhook endpoint at Stripe, forgets the key; all data stays. */
  public Outcome disconnect(WorkspaceId workspace) {
    Optional<Connection> stripe = connections.get(workspace, ConnectionKind.STRIPE);
    if (stripe.isEmpty()) {
      return new Outcome(Optional.empty(), Applied.note("Stripe was not connected."));
    }
    Applied removed = retire(stripe.get());
    connections.disconnect(workspace, ConnectionKind.STRIPE);
    around.gate().forget(workspace);
    if (around.sandboxMode().enabled()) {
      // Otherwise the next start would connect the emulator again.
      around.optOuts().optOut(workspace, ConnectionKind.STRIPE);
    }
    log.info("Stripe disconnected");
    return new Outcome(
        Optional.empty(),
        removed.and(Applied.note("Stripe disconnected; invoices and Attio records are kept.")));
  }

  /** Points Stripe back at the built-in emulator (sandbox mode, default workspace only). */
  public Outcome reconnectSandbox(WorkspaceId workspace) {
    if (!sandboxAvailable(workspace)) {
      throw new StripeConnectFailure(
          StripeConnectFailure.Reason.SANDBOX_UNAVAILABLE,
          "The Stripe sandbox is only available in sandbox mode, for the default workspace.");
    }
    Applied retired =
        connections
            .get(workspace, ConnectionKind.STRIPE)
            .filter(c -> c.mode() == ConnectionMode.LIVE)
            .map(this::retire)
            .orElse(Applied.nothing());
    around.optOuts().optIn(workspace, ConnectionKind.STRIPE);
    SandboxCredentials sandbox = around.sandboxAccounts().ensure(workspace);
    connections.connectSandbox(
        workspace,
        ConnectionKind.STRIPE,
        new Secret(sandbox.stripeSecretKey()),
        SandboxAccounts.STRIPE_ACCOUNT_ID);
    around.gate().forget(workspace);
    // Set up first, so the notes say what this request did; the check's own listener
    // (StripeWebhookRepair) then finds everything in place and changes nothing.
    Applied applied = retired.and(setup.apply(workspace));
    connections.check(connections.get(workspace, ConnectionKind.STRIPE).orElseThrow());
    log.info("Stripe sandbox connected");
    return new Outcome(connections.get(workspace, ConnectionKind.STRIPE), applied);
  }

  /**
   * Before another key replaces a connection, our endpoint goes with the old key: the new one may
   * belong to another account (or the emulator), where the old endpoint could not be found again.
   */
  private Applied retire(Connection old) {
    try {
      // Stripe's refusals come back as warnings already; this catches anything else.
      return setup.removeEndpoint(old);
    } catch (RuntimeException e) {
      return Applied.warning(
          "The Stripe webhook endpoint could not be removed (unexpected failure); delete "
              + registrar.url(old)
              + " in the Stripe Dashboard.");
    }
  }

  /** The same real account again: its endpoint (same URL) is adopted, not replaced. */
  private static boolean sameLiveAccount(Connection old, Probed probed) {
    return old.mode() == ConnectionMode.LIVE
        && old.externalId() != null
        && probed.externalId().filter(old.externalId()::equals).isPresent();
  }

  /** The built-in Stripe emulator can be connected: sandbox mode, default workspace only. */
  public boolean sandboxAvailable(WorkspaceId workspace) {
    return around.sandboxMode().enabled() && isDefault(workspace);
  }

  private boolean isDefault(WorkspaceId workspace) {
    return around
        .workspaces()
        .byId(workspace)
        .map(w -> w.slug().equals(Workspaces.DEFAULT_SLUG))
        .orElse(false);
  }
}
