package dev.invoicebridge.startup;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionMode;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.connection.SandboxOptOuts;
import dev.invoicebridge.jobs.ConnectionCheckJobs.ConnectionCheckScheduler;
import dev.invoicebridge.sandbox.SandboxCredentials;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import dev.invoicebridge.sandboxmode.SandboxAccounts;
import dev.invoicebridge.sandboxmode.SandboxMode;
import dev.invoicebridge.sandboxmode.SandboxWelcome;
import dev.invoicebridge.security.AdminBootstrap;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Start-up, in order: the default workspace; secrets re-encrypted under the current master key;
 * connections from configuration (real credentials win, sandbox fills the rest); a first admin; in
 * sandbox mode the welcome banner; a connection check of each connection.
 */
@Component
class Startup implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(Startup.class);

  private final InvoicebridgeProperties properties;
  private final Workspaces workspaces;
  private final SecretVault vault;
  private final Connections connections;
  private final SandboxMode sandboxMode;
  private final StartupServices services;

  /** The remaining collaborators, grouped to keep the constructor small. */
  @Component
  record StartupServices(
      SandboxAccounts sandboxAccounts,
      AdminBootstrap adminBootstrap,
      SandboxWelcome welcome,
      ConnectionCheckScheduler checks,
      SandboxOptOuts optOuts) {}

  Startup(
      InvoicebridgeProperties properties,
      Workspaces workspaces,
      SecretVault vault,
      Connections connections,
      SandboxMode sandboxMode,
      StartupServices services) {
    this.properties = properties;
    this.workspaces = workspaces;
    this.vault = vault;
    this.connections = connections;
    this.sandboxMode = sandboxMode;
    this.services = services;
  }

  @Override
  public void run(ApplicationArguments args) {
    Workspace workspace = workspaces.ensureDefault(properties.workspaceName());
    vault.rotate();
    connectFromConfiguration(workspace.id());
    Optional<AdminBootstrap.Bootstrapped> admin =
        services.adminBootstrap().ensureAdmin(workspace.id());
    if (sandboxMode.enabled()) {
      services.welcome().greet(workspace.id(), admin, properties.publicUrl().toString());
    } else {
      admin.ifPresent(a -> System.out.println(oneTimeLogin(a)));
    }
    for (Connection c : connections.list(workspace.id())) {
      services.checks().schedule(c.workspaceId(), c.kind());
    }
  }

  private void connectFromConfiguration(WorkspaceId workspace) {
    if (present(properties.attio().apiToken())) {
      connections.connectLive(
          workspace,
          ConnectionKind.ATTIO,
          properties.attio().baseUrl(),
          new Secret(properties.attio().apiToken()),
          null);
    }
    if (present(properties.stripe().secretKey())) {
      connections.connectLive(
          workspace,
          ConnectionKind.STRIPE,
          properties.stripe().apiBase(),
          new Secret(properties.stripe().secretKey()),
          null);
    }
    if (sandboxMode.enabled()) {
      SandboxCredentials sandbox = services.sandboxAccounts().ensure(workspace);
      connectSandbox(
          workspace, ConnectionKind.ATTIO, sandbox.attioToken(), AttioWorkspace.demo().id());
      connectSandbox(
          workspace,
          ConnectionKind.STRIPE,
          sandbox.stripeSecretKey(),
          SandboxAccounts.STRIPE_ACCOUNT_ID);
      connectSandbox(
          workspace,
          ConnectionKind.QUICKBOOKS,
          sandbox.quickBooksAccessToken(),
          SandboxAccounts.QUICKBOOKS_REALM_ID);
    } else {
      for (Connection c : connections.list(workspace)) {
        if (c.mode() == ConnectionMode.SANDBOX) {
          log.info(
              "Sandbox mode is off: disconnecting the sandbox {} connection",
              c.kind().displayName());
          connections.disconnect(workspace, c.kind());
        }
      }
    }
  }

  /**
   * Connects {@code kind} to its emulator unless a real connection already exists or an admin
   * disconnected it (Settings → Reconnect the sandbox undoes that).
   */
  private void connectSandbox(
      WorkspaceId workspace, ConnectionKind kind, String credential, String externalId) {
    boolean live =
        connections.get(workspace, kind).map(c -> c.mode() == ConnectionMode.LIVE).orElse(false);
    if (!live && !services.optOuts().optedOut(workspace, kind)) {
      connections.connectSandbox(workspace, kind, new Secret(credential), externalId);
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private String oneTimeLogin(AdminBootstrap.Bootstrapped admin) {
    return "\n"
        + "=".repeat(78)
        + "\n First start: an admin was created. This password is shown only now:\n   "
        + admin.username()
        + " / "
        + admin.password()
        + "\n Log in at "
        + properties.publicUrl()
        + " and create your own users and API tokens under Settings.\n"
        + "=".repeat(78)
        + "\n";
  }
}
