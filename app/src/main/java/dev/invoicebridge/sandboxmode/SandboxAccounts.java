package dev.invoicebridge.sandboxmode;

import dev.invoicebridge.sandbox.SandboxCredentials;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The emulated accounts' credentials: generated once, kept in the vault like any real secret, so
 * the emulators check credentials exactly as the real services do.
 */
@Component
public class SandboxAccounts {
  /** Realm id of the emulated QuickBooks company. */
  public static final String QUICKBOOKS_REALM_ID = "9341453172906425";

  /** Id of the emulated Stripe account. */
  public static final String STRIPE_ACCOUNT_ID = "acct_1SandboxInvoicebr";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretVault vault;
  private final AtomicReference<SandboxCredentials> current = new AtomicReference<>();

  public SandboxAccounts(SecretVault vault) {
    this.vault = vault;
  }

  /** Loads the credentials from {@code owner}'s vault, generating them on first start. */
  public SandboxCredentials ensure(WorkspaceId owner) {
    SandboxCredentials credentials =
        new SandboxCredentials(
            load(owner, "sandbox.attio_token", () -> random(32)),
            load(owner, "sandbox.stripe_secret_key", () -> "sk_test_" + random(24)),
            load(owner, "sandbox.quickbooks_access_token", () -> "qb_" + random(32)));
    current.set(credentials);
    return credentials;
  }

  /** The credentials, or none until {@link #ensure} ran: the emulators then refuse everything. */
  SandboxCredentials current() {
    return current.get();
  }

  private String load(WorkspaceId owner, String name, Supplier<String> generate) {
    return vault
        .get(owner, name)
        .orElseGet(() -> vault.putIfAbsent(owner, name, new Secret(generate.get())))
        .reveal();
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
