package dev.invoicebridge.support;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.config.InvoicebridgeProperties.SandboxSwitch;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds settings for tests that construct services without Spring. */
public final class TestProperties {
  private TestProperties() {}

  public static InvoicebridgeProperties withKeys(
      Path dataDir, String masterKey, List<String> previousKeys) {
    return new InvoicebridgeProperties(
        dataDir,
        URI.create("http://localhost:8080"),
        "test-instance",
        "Test workspace",
        new InvoicebridgeProperties.Database("", "", ""),
        new InvoicebridgeProperties.Security("", "", masterKey, null, previousKeys, false),
        new InvoicebridgeProperties.Sandbox(SandboxSwitch.AUTO),
        new InvoicebridgeProperties.Attio("", URI.create("https://api.attio.com")),
        new InvoicebridgeProperties.Stripe("", URI.create("https://api.stripe.com")),
        new InvoicebridgeProperties.QuickBooks(
            "", "", InvoicebridgeProperties.QuickBooksEnvironment.PRODUCTION),
        new InvoicebridgeProperties.Jobs(Duration.ofMinutes(5), 4));
  }

  public static InvoicebridgeProperties defaults(Path dataDir) {
    return withKeys(dataDir, "", List.of());
  }
}
