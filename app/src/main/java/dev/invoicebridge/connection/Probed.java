package dev.invoicebridge.connection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful probe learned about the account behind a credential.
 *
 * @param accountName the account's display name; empty when the credential may not read it (a
 *     restricted Stripe key without account access)
 * @param externalId the provider's id for the account, when it said
 * @param environment {@code test} or {@code live} for Stripe; empty where it does not apply
 * @param missingPermissions what the credential lacks for Invoicebridge to work, in a stable order
 */
public record Probed(
    Optional<String> accountName,
    Optional<String> externalId,
    Optional<String> environment,
    List<MissingPermission> missingPermissions) {
  public Probed {
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(environment, "environment");
    missingPermissions = List.copyOf(missingPermissions);
  }

  /** An account known by its name only, with nothing missing. */
  public static Probed named(String accountName) {
    return new Probed(
        Optional.ofNullable(accountName), Optional.empty(), Optional.empty(), List.of());
  }
}
