package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;

/** An active one-time price with its product's name, as the line picker shows it. */
public record CatalogPrice(
    StripePriceId price,
    StripeProductId product,
    String productName,
    String currency,
    long unitAmount) {
  public CatalogPrice {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(currency, "currency");
  }
}
