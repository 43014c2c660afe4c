package dev.invoicebridge.support;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.Workspaces;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for HTTP tests against one shared sandbox-mode service (Spring caches the context, so the
 * subclasses start it once). Tests must not depend on each other's data: each works on records or
 * settings it creates or only reads seeded ones, and a count it checks is taken before and after
 * its own action. A class that flips a switch every test sees, or needs emulators nobody touched,
 * extends {@link OwnSandboxAppTest} instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SandboxAppTest {
  @DynamicPropertySource
  static void sandboxAppSettings(DynamicPropertyRegistry registry) {
    // Spring calls this once per context it starts: every context gets a data directory (so an H2
    // database and sandbox logins) of its own.
    Path data = SandboxApp.newDataDir();
    registry.add("invoicebridge.data-dir", data::toString);
  }

  @LocalServerPort protected int port;
  @Autowired private InvoicebridgeProperties properties;
  @Autowired private Workspaces workspaces;
  @Autowired private SecretVault vault;
  @Autowired private AttioClients attio;

  /** The data directory of this context's service: its database, logins and API token. */
  protected Path data;

  protected Http http;

  /** The admin API token sandbox mode wrote to the data directory. */
  protected String adminToken;

  /** The service's API as the sandbox admin, its Stripe emulator and Attio invoices. */
  protected InvoiceRig rig;

  @BeforeEach
  void connectToSandboxApp() {
    data = properties.dataDir();
    http = new Http(port);
    adminToken = SandboxApp.apiToken(data);
    rig = new InvoiceRig(port, data, workspaces, vault, attio);
  }

  /** A new browser-like client (its own cookies) logged in as "admin" or "operator". */
  protected Http logIn(String role) {
    Http browser = new Http(port);
    browser.login(role, password(role));
    return browser;
  }

  /** The password of a sandbox login, "admin" or "operator". */
  protected String password(String role) {
    return SandboxApp.password(data, role);
  }

  /** An absolute URL on this service, for a browser. */
  protected String url(String path) {
    return http.base() + path;
  }
}
