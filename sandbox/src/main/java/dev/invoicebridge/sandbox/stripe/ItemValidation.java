package dev.invoicebridge.sandbox.stripe;

import dev.invoicebridge.sandbox.stripe.InvoiceObjects.ItemSpec;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an invoice item's parameters (amount, {@code pricing[price]} or {@code price_data})
 * against the account without changing anything, so a call can check all its lines before adding
 * one.
 */
final class ItemValidation {
  private final StripeStore store;
  private final CatalogApi catalog;

  ItemValidation(StripeStore store, CatalogApi catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  /**
   * A line as validated: its spec, and the inline price or product still to be made when the line
   * is added (so a refused call makes none).
   */
  record Pending(ItemSpec spec, Optional<Params> priceData) {}

  /** Checks one item's parameters against the account without changing anything. */
  Pending validate(Params p, String customer, Map<String, Object> invoice) {
    long quantity = p.integer("quantity").orElse(1L);
    if (quantity < 0) {
      throw StripeApiException.invalid(p.param("quantity"), "Invalid non-negative integer");
    }
    Optional<Map<String, Object>> price =
        p.nested("pricing")
            .flatMap(pr -> pr.string("price").map(id -> store.get("price", id, pr.param("price"))));
    Optional<Params> priceData = price.isPresent() ? Optional.empty() : p.nested("price_data");
    String currency =
        price
            .map(pr -> (String) pr.get("currency"))
            .or(() -> priceData.map(d -> d.required("currency")))
            .or(() -> p.string("currency"))
            .or(() -> Optional.ofNullable(invoice).map(i -> (String) i.get("currency")))
            .orElseThrow(() -> p.missingParam("currency"))
            .toLowerCase(java.util.Locale.ROOT);
    if (invoice != null && !currency.equals(invoice.get("currency"))) {
      throw StripeApiException.invalid(
          p.param("currency"),
          "The currency of this invoice item ("
              + currency
              + ") must match the currency of the invoice ("
              + invoice.get("currency")
              + ").");
    }
    Optional<String> product =
        price.map(pr -> (String) pr.get("product")).or(() -> priceData.flatMap(this::product));
    long unit =
        price
            .map(pr -> ((Number) pr.get("unit_amount")).longValue())
            .or(() -> priceData.map(this::unitAmount))
            .or(() -> p.integer("amount"))
            .orElseThrow(() -> p.missingParam("amount"));
    if (price.isEmpty() && priceData.isEmpty()) {
      quantity = 1; // a plain amount is the line's total
    }
    // Without a description, the line shows its product's name, as on Stripe's invoices.
    String description =
        p.string("description")
            .or(() -> product.map(id -> (String) store.get("product", id, "product").get("name")))
            .or(
                () ->
                    priceData.flatMap(d -> d.nested("product_data")).flatMap(d -> d.string("name")))
            .orElse(null);
    ItemSpec spec =
        new ItemSpec(
            customer,
            invoice == null ? null : (String) invoice.get("id"),
            currency,
            description,
            quantity,
            unit,
            price.map(pr -> (String) pr.get("id")).orElse(null),
            product.orElse(null),
            p.metadata(Map.of()));
    return new Pending(spec, priceData);
  }

  /** price_data's product: an existing, active one, or empty when product_data makes one. */
  private Optional<String> product(Params d) {
    if (d.string("product").isEmpty() && d.nested("product_data").isPresent()) {
      d.nested("product_data").get().required("name");
      return Optional.empty();
    }
    String id = d.required("product");
    return Optional.of((String) catalog.activeProduct(id, d.param("product")).get("id"));
  }

  private long unitAmount(Params d) {
    long amount = d.integer("unit_amount").orElseThrow(() -> d.missingParam("unit_amount"));
    if (amount < 0) {
      throw StripeApiException.invalid(d.param("unit_amount"), "Invalid non-negative integer");
    }
    return amount;
  }
}
