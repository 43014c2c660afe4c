package dev.invoicebridge.invoicing.quickbooks;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.LocalServer;
import dev.invoicebridge.quickbooks.RealmId;
import dev.invoicebridge.quickbooks.oauth.OAuthApp;
import dev.invoicebridge.quickbooks.oauth.QuickBooksEndpoints;
import dev.invoicebridge.quickbooks.oauth.QuickBooksEnvironment;
import dev.invoicebridge.quickbooks.oauth.QuickBooksOAuthClient;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.sandbox.quickbooks.QuickBooksSandboxServlet;
import dev.invoicebridge.sandbox.quickbooks.SandboxSettings;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which QuickBooks app this deployment connects with: Intuit's, when a client id and secret are
 * configured, else the built-in emulator's in sandbox mode, and where each workspace's tokens live.
 */
@Component
public class QuickBooksConnector {
  static final String CALLBACK_PATH = "/settings/quickbooks/callback";

  private final InvoicebridgeProperties properties;
  private final LocalServer localServer;
  private final ObjectProvider<ServletRegistrationBean<QuickBooksSandboxServlet>> emulator;
  private final JdbcQuickBooksTokenStore.Storage storage;
  private final Map<TokensKey, QuickBooksTokens> tokens = new ConcurrentHashMap<>();

  QuickBooksConnector(
      InvoicebridgeProperties properties,
      LocalServer localServer,
      ObjectProvider<ServletRegistrationBean<QuickBooksSandboxServlet>> emulator,
      StorageBeans beans) {
    this.properties = properties;
    this.localServer = localServer;
    this.emulator = emulator;
    this.storage =
        new JdbcQuickBooksTokenStore.Storage(
            beans.jdbc(), beans.vault(), beans.tx(), beans.clock());
  }

  /** The database collaborators, grouped to keep the constructor small. */
  @Component
  record StorageBeans(JdbcClient jdbc, SecretVault vault, TransactionTemplate tx, Clock clock) {}

  /**
   * The OAuth client, or empty when neither Intuit credentials nor the emulator are available.
   *
   * @param origin this server as the admin's browser reaches it; in sandbox mode the consent page
   *     and the callback are served from there so the session cookie travels along
   */
  public Optional<QuickBooksOAuthClient> oauth(URI origin) {
    InvoicebridgeProperties.QuickBooks qb = properties.quickbooks();
    if (isSet(qb.clientId()) && isSet(qb.clientSecret())) {
      URI callback =
          URI.create(properties.publicUrl().toString().replaceAll("/+$", "") + CALLBACK_PATH);
      return Optional.of(
          new QuickBooksOAuthClient(
              new OAuthApp(qb.clientId(), qb.clientSecret(), callback),
              QuickBooksEndpoints.of(QuickBooksEnvironment.valueOf(qb.environment().name())),
              storage.clock()));
    }
    return Optional.ofNullable(emulator.getIfAvailable())
        .map(registration -> emulatorClient(registration.getServlet(), origin));
  }

  private QuickBooksOAuthClient emulatorClient(QuickBooksSandboxServlet servlet, URI origin) {
    SandboxSettings app = servlet.sandbox().settings();
    String browser = origin.toString().replaceAll("/+$", "");
    // As an admin registers the callback in Intuit's portal: the consent page redirects only there.
    servlet.sandbox().registerRedirectUri(URI.create(browser + CALLBACK_PATH));
    QuickBooksEndpoints local =
        QuickBooksEndpoints.emulator(localServer.sandboxBaseUrl(ConnectionKind.QUICKBOOKS));
    // The browser visits the consent page; the server calls the token endpoints directly.
    QuickBooksEndpoints endpoints =
        new QuickBooksEndpoints(
            URI.create(browser + "/sandbox/quickbooks/connect/oauth2"),
            local.token(),
            local.revoke(),
            local.userInfo(),
            local.api());
    return new QuickBooksOAuthClient(
        new OAuthApp(app.clientId(), app.clientSecret(), URI.create(browser + CALLBACK_PATH)),
        endpoints,
        storage.clock());
  }

  /** The workspace's token store. */
  public JdbcQuickBooksTokenStore store(WorkspaceId workspace) {
    return new JdbcQuickBooksTokenStore(workspace, storage);
  }

  /**
   * Single-flight tokens for the workspace's connected company: one object per workspace and realm
   * for the life of the instance, so every thread of this instance queues on the same refresh lock
   * (the store's lease coordinates instances).
   */
  public QuickBooksTokens tokens(
      QuickBooksOAuthClient oauth, WorkspaceId workspace, RealmId realm) {
    return tokens.computeIfAbsent(
        new TokensKey(workspace, realm),
        k -> new QuickBooksTokens(oauth, store(workspace), realm, storage.clock()));
  }

  /**
   * The workspace's OAuth connection, when it has one and an app to refresh it with: the API root
   * and the tokens.
   */
  public Optional<OAuthConnection> connected(WorkspaceId workspace) {
    Optional<RealmId> realm = store(workspace).realm();
    if (realm.isEmpty()) {
      return Optional.empty();
    }
    return oauth(localServer.sandboxBaseUrl(ConnectionKind.QUICKBOOKS).resolve("/"))
        .map(
            client ->
                new OAuthConnection(
                    client.endpoints().api(), realm.get(), tokens(client, workspace, realm.get())));
  }

  /** An OAuth-connected company: where its API answers and the tokens to call it with. */
  public record OAuthConnection(URI api, RealmId realm, QuickBooksTokens tokens) {}

  private record TokensKey(WorkspaceId workspace, RealmId realm) {}

  private static boolean isSet(String s) {
    return s != null && !s.isBlank();
  }
}
