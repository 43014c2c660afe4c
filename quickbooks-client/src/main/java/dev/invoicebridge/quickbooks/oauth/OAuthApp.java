package dev.invoicebridge.quickbooks.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * The app's credentials from Intuit's developer portal. The secret never appears in {@link
 * #toString()}.
 *
 * @param redirectUri must match a URI registered for the app exactly
 */
public record OAuthApp(String clientId, String clientSecret, URI redirectUri) {
  public OAuthApp {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }

  @Override
  public String toString() {
    return "OAuthApp[clientId="
        + clientId
        + ", clientSecret=redacted, redirectUri="
        + redirectUri
        + "]";
  }
}
