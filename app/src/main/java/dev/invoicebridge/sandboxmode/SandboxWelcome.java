package dev.invoicebridge.sandboxmode;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.config.OwnerOnlyFile;
import dev.invoicebridge.security.AdminBootstrap;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.workspace.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gets a newcomer going in sandbox mode: demo logins kept in {@code data/sandbox-login}, a ready
 * admin API token in {@code data/sandbox-api-token}, both printed at every start.
 */
@Component
public class SandboxWelcome {
  static final String LOGIN_FILE = "sandbox-login";
  static final String TOKEN_FILE = "sandbox-api-token";

  private final AdminBootstrap bootstrap;
  private final ApiTokens tokens;
  private final Path dataDir;

  public SandboxWelcome(
      AdminBootstrap bootstrap, ApiTokens tokens, InvoicebridgeProperties properties) {
    this.bootstrap = bootstrap;
    this.tokens = tokens;
    this.dataDir = properties.dataDir();
  }

  /**
   * @param generatedAdmin the admin bootstrap just generated, if it did
   * @param baseUrl where the UI answers
   */
  public void greet(
      WorkspaceId workspace, Optional<AdminBootstrap.Bootstrapped> generatedAdmin, String baseUrl) {
    Path loginFile = dataDir.resolve(LOGIN_FILE);
    List<String> logins;
    try {
      if (generatedAdmin.isPresent()) {
        AdminBootstrap.Bootstrapped operator =
            bootstrap.create(workspace, "operator", Role.OPERATOR);
        logins = List.of(line(generatedAdmin.get(), "admin"), line(operator, "operator"));
        OwnerOnlyFile.replace(loginFile, String.join("\n", logins) + "\n");
      } else if (Files.isRegularFile(loginFile)) {
        logins = Files.readAllLines(loginFile, StandardCharsets.UTF_8);
      } else {
        logins = List.of("(log in with the admin you configured)");
      }
      String token = apiToken(workspace);
      System.out.println(banner(baseUrl, logins, token));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sandbox files in " + dataDir, e);
    }
  }

  private String apiToken(WorkspaceId workspace) throws IOException {
    Path tokenFile = dataDir.resolve(TOKEN_FILE);
    if (Files.isRegularFile(tokenFile)) {
      String existing = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
      if (tokens.authenticate(existing).isPresent()) {
        return existing;
      }
    }
    String fresh = tokens.issue(workspace, "sandbox", Role.ADMIN, "sandbox-mode").plaintext();
    OwnerOnlyFile.replace(tokenFile, fresh + "\n");
    return fresh;
  }

  private static String line(AdminBootstrap.Bootstrapped user, String role) {
    return role + ": " + user.username() + " / " + user.password();
  }

  private String banner(String baseUrl, List<String> logins, String token) {
    StringBuilder sb = new StringBuilder("\n");
    sb.append("=".repeat(78)).append('\n');
    sb.append(" Invoicebridge is running in SANDBOX mode at ").append(baseUrl).append('\n');
    sb.append(" Attio, Stripe and QuickBooks are emulated under ")
        .append(baseUrl)
        .append("/sandbox/\n\n");
    sb.append(" UI logins:\n");
    logins.forEach(l -> sb.append("   ").append(l).append('\n'));
    sb.append("\n Admin API token (also in ").append(dataDir.resolve(TOKEN_FILE)).append("):\n   ");
    sb.append(token).append("\n\n Try:\n   curl -H \"Authorization: Bearer $(cat ");
    sb.append(dataDir.resolve(TOKEN_FILE))
        .append(")\" ")
        .append(baseUrl)
        .append("/api/v1/workspace\n");
    sb.append("=".repeat(78)).append('\n');
    return sb.toString();
  }
}
