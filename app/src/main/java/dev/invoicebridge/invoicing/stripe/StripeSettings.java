package dev.invoicebridge.invoicing.stripe;

import dev.invoicebridge.vault.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Stripe account.
 *
 * @param apiKey a secret ({@code sk_...}) or restricted ({@code rk_...}) key
 * @param apiBase {@code https://api.stripe.com}, or the sandbox's {@code .../sandbox/stripe}
 * @param timeout connect and read timeout of every call
 * @param maxAttempts attempts per call, including the first (see {@link RetryPolicy})
 */
public record StripeSettings(Secret apiKey, URI apiBase, Duration timeout, int maxAttempts) {
  public StripeSettings {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(apiBase, "apiBase");
    Objects.requireNonNull(timeout, "timeout");
    String key = apiKey.reveal();
    if (!(key.startsWith("sk_") || key.startsWith("rk_"))) {
      throw new IllegalArgumentException("A Stripe API key starts with sk_ or rk_");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(2)) > 0) {
      throw new IllegalArgumentException("The Stripe timeout must be between 0 and 2 minutes");
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and 10");
    }
  }

  /** Defaults: 30 s timeout, 3 attempts. */
  public static StripeSettings of(Secret apiKey, URI apiBase) {
    return new StripeSettings(apiKey, apiBase, Duration.ofSeconds(30), 3);
  }
}
