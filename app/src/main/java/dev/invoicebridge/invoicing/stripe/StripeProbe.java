package dev.invoicebridge.invoicing.stripe;

import com.stripe.model.Account;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionProbe;
import dev.invoicebridge.connection.ConnectionTarget;
import dev.invoicebridge.connection.MissingPermission;
import dev.invoicebridge.connection.Probed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a Stripe key: the account it belongs to, test or live (from the key's prefix), and for a
 * restricted key the permissions Invoicebridge needs that it lacks.
 */
@Component
class StripeProbe implements ConnectionProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Override
  public ConnectionKind kind() {
    return ConnectionKind.STRIPE;
  }

  @Override
  public Probed probe(ConnectionTarget target) {
    String key = target.credential().reveal();
    Optional<String> environment = environment(key);
    if (environment.isEmpty()) {
      throw new ProbeFailure(
          "The Stripe key must start with sk_test_, sk_live_, rk_test_ or rk_live_.", null, true);
    }
    boolean restricted = key.startsWith("rk_");
    StripeCalls calls =
        new StripeCalls(
            new StripeSettings(target.credential(), target.baseUrl(), TIMEOUT, 2),
            d -> Thread.sleep(d));
    try {
      Optional<Account> account = account(calls, restricted);
      // A secret key may do everything; only a restricted key can lack a permission.
      List<MissingPermission> missing =
          restricted
              ? new StripePermissionProbe(calls)
                  .missing().stream()
                      .map(p -> new MissingPermission(p.permissionId(), p.dashboardName()))
                      .toList()
              : List.of();
      return new Probed(
          account.map(StripeProbe::name), account.map(Account::getId), environment, missing);
    } catch (StripeFailure f) {
      // Stripe's own messages can quote part of the key, so operators get ours instead.
      throw new ProbeFailure(describe(f), null, f instanceof StripeFailure.Authentication);
    }
  }

  /** {@code test} or {@code live}, as the key's prefix says; Stripe keys carry their mode. */
  static Optional<String> environment(String key) {
    for (String prefix : List.of("sk_", "rk_")) {
      if (key.startsWith(prefix + "test_")) {
        return Optional.of("test");
      }
      if (key.startsWith(prefix + "live_")) {
        return Optional.of("live");
      }
    }
    return Optional.empty();
  }

  /**
   * The key's account. {@code GET /v1/account} answers 403 to a restricted key without account
   * access, which Invoicebridge does not need: the connection then simply has no account name.
   */
  private static Optional<Account> account(StripeCalls calls, boolean restricted) {
    try {
      return Optional.of(calls.call(c -> c.v1().accounts().retrieveCurrent()));
    } catch (StripeFailure.Permission denied) {
      if (restricted) {
        return Optional.empty();
      }
      throw denied;
    }
  }

  private static String name(Account account) {
    if (account.getBusinessProfile() != null && account.getBusinessProfile().getName() != null) {
      return account.getBusinessProfile().getName();
    }
    return account.getId();
  }

  static String describe(StripeFailure f) {
    return switch (f) {
      case StripeFailure.Authentication a ->
          "Stripe rejected the API key (HTTP 401): it is wrong, revoked or expired.";
      case StripeFailure.Permission p -> "The Stripe key lacks permission to read the account.";
      case StripeFailure.RateLimited r ->
          "Stripe is rate limiting this key; the check will be retried.";
      case StripeFailure.Connection c ->
          "Stripe could not be reached; check the network and try again.";
      default -> "Stripe answered HTTP " + f.httpStatus() + " to the connection check.";
    };
  }
}
