package dev.invoicebridge.invoicing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionProbe;
import dev.invoicebridge.connection.ConnectionTarget;
import org.springframework.stereotype.Component;

/** Checks a Stripe connection by retrieving the key's own account. */
@Component
class StripeProbe implements ConnectionProbe {
  private static final int TIMEOUT_MILLIS = 10_000;

  @Override
  public ConnectionKind kind() {
    return ConnectionKind.STRIPE;
  }

  @Override
  public String probe(ConnectionTarget target) {
    StripeClient client =
        StripeClient.builder()
            .setApiKey(target.credential().reveal())
            .setApiBase(target.baseUrl().toString())
            .setConnectTimeout(TIMEOUT_MILLIS)
            .setReadTimeout(TIMEOUT_MILLIS)
            .setMaxNetworkRetries(1)
            .build();
    try {
      Account account = client.v1().accounts().retrieveCurrent();
      if (account.getBusinessProfile() != null && account.getBusinessProfile().getName() != null) {
        return account.getBusinessProfile().getName();
      }
      return account.getId();
    } catch (StripeException e) {
      // Stripe's own messages can quote part of the key, so operators get ours instead.
      throw new ProbeFailure(describe(StripeErrors.map(e)), null);
    }
  }

  /** What an operator reads, by the kind of failure (from the one mapping in StripeErrors). */
  static String describe(StripeFailure failure) {
    return switch (failure) {
      case StripeFailure.Permission p ->
          "The Stripe key lacks permission to read the account"
              + p.missingPermission().map(m -> " (" + m + ")").orElse("")
              + ".";
      case StripeFailure.Authentication a -> "Stripe rejected the API key (HTTP 401).";
      case StripeFailure.RateLimited r ->
          "Stripe is rate limiting this key; the check will be retried.";
      case StripeFailure.Connection c ->
          "Stripe could not be reached; check the network and try again.";
      default -> "Stripe answered HTTP " + failure.httpStatus() + " to the connection check.";
    };
  }
}
