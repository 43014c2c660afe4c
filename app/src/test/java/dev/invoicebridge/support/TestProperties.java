package dev.invoicebridge.support;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.config.InvoicebridgeProperties.SandboxSwitch;
import dev.invoicebridge.vault.MasterKeyring;
import dev.invoicebridge.vault.SecretVault;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

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

  /** A new random master key, as {@code INVOICEBRIDGE_SECURITY_MASTER_KEY} takes it (base64). */
  public static String randomMasterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** A vault on {@code jdbc} sealed with a new random master key. */
  public static SecretVault vault(JdbcClient jdbc, Path dataDir, Clock clock) {
    return new SecretVault(
        jdbc, new MasterKeyring(withKeys(dataDir, randomMasterKey(), List.of())), clock);
  }
}
