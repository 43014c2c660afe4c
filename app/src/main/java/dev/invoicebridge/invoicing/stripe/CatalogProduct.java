package dev.invoicebridge.invoicing.stripe;

import java.util.Objects;
import java.util.Optional;

/** An active product and its default price, if it has one. */
public record CatalogProduct(
    StripeProductId id, String name, Optional<StripePriceId> defaultPrice) {
  public CatalogProduct {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(defaultPrice, "defaultPrice");
  }
}
