package dev.invoicebridge.security;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.workspace.WorkspaceId;
import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Makes sure someone can log in on first start: the admin from the environment, or else an "admin"
 * user with a generated one-time password that the caller prints once.
 */
@Service
public class AdminBootstrap {
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserAccounts users;
  private final InvoicebridgeProperties.Security settings;

  public AdminBootstrap(UserAccounts users, InvoicebridgeProperties properties) {
    this.users = users;
    this.settings = properties.security();
  }

  /** A user created at bootstrap, with the password to show exactly once. */
  public record Bootstrapped(String username, String password) {
    @Override
    public String toString() {
      return "Bootstrapped[" + username + "]";
    }
  }

  /**
   * @return the generated admin, when one had to be generated
   */
  public Optional<Bootstrapped> ensureAdmin(WorkspaceId workspace) {
    String username = settings.adminUsername();
    if (username != null && !username.isBlank()) {
      // The environment is the source of truth for this admin's password.
      if (users.byUsername(username).isEmpty()) {
        users.create(workspace, username, settings.adminPassword(), Role.ADMIN);
      } else if (!users.passwordMatches(username, settings.adminPassword())) {
        users.setPassword(username, settings.adminPassword());
      }
      return Optional.empty();
    }
    if (users.count() > 0) {
      return Optional.empty();
    }
    return Optional.of(create(workspace, "admin", Role.ADMIN));
  }

  /** Creates a user with a generated password (the sandbox's demo operator, for instance). */
  public Bootstrapped create(WorkspaceId workspace, String username, Role role) {
    String password = generatePassword();
    users.create(workspace, username, password, role);
    return new Bootstrapped(username, password);
  }

  static String generatePassword() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
