package dev.invoicebridge.invoicing.stripe;

import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.stripe.StripeSandbox;
import dev.invoicebridge.sandbox.stripe.StripeSandboxServlet;
import dev.invoicebridge.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A Stripe sandbox on a real HTTP port, and adapters connected to it. */
final class StripeSandboxRig implements AutoCloseable {
  static final String SECRET_KEY = "sk_test_rig0123456789abcdef";

  private final StripeSandbox sandbox;
  private final SandboxServer server;

  StripeSandboxRig(Clock clock) {
    this.sandbox = new StripeSandbox(() -> SECRET_KEY, "acct_1RigTestAccount0", clock);
    // Most tests make bursts of calls; the rate-limit tests turn the limit back on.
    sandbox.rateLimitPerSecond(0);
    this.server = SandboxServer.start(0, Map.of("stripe", new StripeSandboxServlet(sandbox)));
  }

  StripeSandboxRig() {
    this(Clock.systemUTC());
  }

  StripeSandbox sandbox() {
    return sandbox;
  }

  URI baseUri() {
    return server.baseUri("stripe");
  }

  StripeInvoicing invoicing() {
    return invoicing(SECRET_KEY);
  }

  /** An adapter with the given key; retries do not pause, so tests stay fast. */
  StripeInvoicing invoicing(String key) {
    return StripeInvoicing.connect(
        new StripeSettings(new Secret(key), baseUri(), Duration.ofSeconds(5), 3), d -> {});
  }

  @Override
  public void close() {
    server.close();
  }
}
