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
 * @param customerEmail Stripe's copy of the customer's email on the invoice ({@code
 *     customer_email}), as it was when the invoice was finalized (live for drafts)
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
    Map<String, String> metadata,
    Optional<String> customerEmail) {
  public StripeInvoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(customerEmail, "customerEmail");
    metadata = Map.copyOf(metadata);
  }

  /** Stripe's totals: {@code remaining} is what is still owed. */
  public record Amounts(long subtotal, long total, long due, long paid, long remaining) {}
}
