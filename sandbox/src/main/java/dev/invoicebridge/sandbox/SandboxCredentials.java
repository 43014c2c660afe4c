package dev.invoicebridge.sandbox;

import java.util.Objects;

/**
 * The secrets an emulator accepts. The service generates them on first start and keeps them in its
 * vault, so the sandbox checks credentials exactly as the real API does.
 *
 * @param attioToken bearer token the Attio emulator accepts
 * @param stripeSecretKey secret key the Stripe emulator accepts
 * @param quickBooksAccessToken OAuth access token the QuickBooks emulator accepts
 */
public record SandboxCredentials(
    String attioToken, String stripeSecretKey, String quickBooksAccessToken) {
  public SandboxCredentials {
    Objects.requireNonNull(attioToken, "attioToken");
    Objects.requireNonNull(stripeSecretKey, "stripeSecretKey");
    Objects.requireNonNull(quickBooksAccessToken, "quickBooksAccessToken");
  }

  @Override
  public String toString() {
    return "SandboxCredentials[redacted]";
  }
}
