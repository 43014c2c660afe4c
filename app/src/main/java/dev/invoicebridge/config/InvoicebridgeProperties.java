package dev.invoicebridge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every Invoicebridge setting. Each is read from {@code invoicebridge.*} properties or the matching
 * {@code INVOICEBRIDGE_*} environment variable; defaults live in application.yml and the README.
 */
@Validated
@ConfigurationProperties("invoicebridge")
public record InvoicebridgeProperties(
    @NotNull Path dataDir,
    @NotNull URI publicUrl,
    @NotBlank String instanceName,
    @NotBlank String workspaceName,
    @Valid @NotNull Database database,
    @Valid @NotNull Security security,
    @Valid @NotNull Sandbox sandbox,
    @Valid @NotNull Attio attio,
    @Valid @NotNull Stripe stripe,
    @Valid @NotNull QuickBooks quickbooks,
    @Valid @NotNull Jobs jobs) {

  /** Where the data lives: blank {@code url} means the embedded H2 file in the data directory. */
  public record Database(String url, String username, String password) {
    @Override
    public String toString() {
      return "Database[url=" + url + ", username=" + username + "]";
    }
  }

  /** Login bootstrap, the vault's master keys and cookie settings. */
  public record Security(
      String adminUsername,
      String adminPassword,
      String masterKey,
      Path masterKeyFile,
      @DefaultValue List<String> previousMasterKeys,
      boolean secureCookies) {
    @Override
    public String toString() {
      return "Security[adminUsername=" + adminUsername + ", masterKeyFile=" + masterKeyFile + "]";
    }
  }

  /** Whether the built-in emulators are mounted and connected. */
  public record Sandbox(@NotNull SandboxSwitch enabled) {}

  /** How sandbox mode is chosen. */
  public enum SandboxSwitch {
    /** On exactly when no real credentials are configured. */
    AUTO,
    ON,
    OFF
  }

  /** A real Attio workspace: its API token and API root. */
  public record Attio(String apiToken, @NotNull URI baseUrl) {
    @Override
    public String toString() {
      return "Attio[baseUrl=" + baseUrl + "]";
    }
  }

  /** A real Stripe account: its secret or restricted key and API root. */
  public record Stripe(String secretKey, @NotNull URI apiBase) {
    @Override
    public String toString() {
      return "Stripe[apiBase=" + apiBase + "]";
    }
  }

  /** A QuickBooks Online app: OAuth client credentials and environment. */
  public record QuickBooks(
      String clientId, String clientSecret, @NotNull QuickBooksEnvironment environment) {
    @Override
    public String toString() {
      return "QuickBooks[clientId=" + clientId + ", environment=" + environment + "]";
    }
  }

  /** Intuit's two environments, which select the API base URLs. */
  public enum QuickBooksEnvironment {
    SANDBOX,
    PRODUCTION
  }

  /**
   * Background jobs: how often connections are checked, and how many webhook events' invoices this
   * instance applies at once (0: this instance stores events but leaves applying them to others).
   */
  public record Jobs(
      @NotNull Duration connectionCheckInterval, @Min(0) @Max(64) int webhookWorkers) {}
}
