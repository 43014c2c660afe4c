package dev.invoicebridge.quickbooks.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * Every URL the client calls. Each is overridable so tests and the service's sandbox mode point at
 * the emulator.
 *
 * @param api Accounting API root (below it: {@code /v3/company/{realmId}/...})
 */
public record QuickBooksEndpoints(URI authorize, URI token, URI revoke, URI userInfo, URI api) {
  public QuickBooksEndpoints {
    Objects.requireNonNull(authorize, "authorize");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(revoke, "revoke");
    Objects.requireNonNull(userInfo, "userInfo");
    Objects.requireNonNull(api, "api");
  }

  /** Intuit's published endpoints for the environment. */
  public static QuickBooksEndpoints of(QuickBooksEnvironment environment) {
    boolean sandbox = environment == QuickBooksEnvironment.SANDBOX;
    return new QuickBooksEndpoints(
        URI.create("https://appcenter.intuit.com/connect/oauth2"),
        URI.create("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
        URI.create("https://developer.api.intuit.com/v2/oauth2/tokens/revoke"),
        URI.create(
            sandbox
                ? "https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo"
                : "https://accounts.platform.intuit.com/v1/openid_connect/userinfo"),
        URI.create(
            sandbox
                ? "https://sandbox-quickbooks.api.intuit.com"
                : "https://quickbooks.api.intuit.com"));
  }

  /** The emulator mounted at {@code base}, with Intuit's paths below it. */
  public static QuickBooksEndpoints emulator(URI base) {
    String root = base.toString().replaceAll("/+$", "");
    return new QuickBooksEndpoints(
        URI.create(root + "/connect/oauth2"),
        URI.create(root + "/oauth2/v1/tokens/bearer"),
        URI.create(root + "/v2/oauth2/tokens/revoke"),
        URI.create(root + "/v1/openid_connect/userinfo"),
        URI.create(root));
  }
}
