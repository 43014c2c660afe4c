package dev.invoicebridge.invoicing;

import java.util.Objects;

/** A catalog price the line picker offers: its id, the product's name and the unit amount. */
public record CatalogItem(String priceId, String name, String currency, long unitAmount) {
  public CatalogItem {
    Objects.requireNonNull(priceId, "priceId");
    Objects.requireNonNull(currency, "currency");
  }
}
