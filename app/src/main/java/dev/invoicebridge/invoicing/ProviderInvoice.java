package dev.invoicebridge.invoicing;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice as its provider last reported it; amounts in the currency's minor unit.
 *
 * @param status the provider's own word: draft, open, paid, uncollectible, void
 * @param reference our reference, when Invoicebridge created the invoice; empty for invoices
 *     created elsewhere (in the provider's dashboard, by another app)
 * @param customerEmail the billed email as the invoice itself carries it (Stripe copies the
 *     customer's email onto the invoice), so linking it needs no customer lookup
 */
public record ProviderInvoice(
    ProviderInvoiceId id,
    ProviderCustomerId customer,
    String status,
    Optional<String> number,
    String currency,
    Amounts amounts,
    Optional<URI> hostedUrl,
    Instant created,
    Optional<String> reference,
    Optional<String> customerEmail) {
  public ProviderInvoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amounts, "amounts");
    Objects.requireNonNull(hostedUrl, "hostedUrl");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(customerEmail, "customerEmail");
  }

  /** An invoice whose customer email is not known from the invoice itself. */
  public ProviderInvoice(
      ProviderInvoiceId id,
      ProviderCustomerId customer,
      String status,
      Optional<String> number,
      String currency,
      Amounts amounts,
      Optional<URI> hostedUrl,
      Instant created,
      Optional<String> reference) {
    this(
        id,
        customer,
        status,
        number,
        currency,
        amounts,
        hostedUrl,
        created,
        reference,
        Optional.empty());
  }

  /** The totals; {@code remaining} is what is still owed. */
  public record Amounts(long total, long due, long paid, long remaining) {}
}
