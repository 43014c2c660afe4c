package dev.invoicebridge.invoicing.stripe;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice as Stripe last reported it. Amounts are in the currency's minor unit.
 *
 * @param number assigned at finalization
 * @param hostedUrl the customer's payment page, set at finalization
 */
public record StripeInvoice(
    StripeInvoiceId id,
    StripeCustomerId customer,
    InvoiceStatus status,
    Optional<String> number,
    String currency,
    Amounts amounts,
    Optional<URI> hostedUrl,
    Instant created,
    Map<String, String> metadata) {
  public StripeInvoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    metadata = Map.copyOf(metadata);
  }

  /** Stripe's totals: {@code remaining} is what is still owed. */
  public record Amounts(long subtotal, long total, long due, long paid, long remaining) {}
}
