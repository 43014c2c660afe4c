package dev.invoicebridge.invoicing.stripe;

import com.stripe.model.Product;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;
import java.util.UUID;

/**
 * The one product every custom line is billed under, whatever its description: invoice items'
 * {@code price_data} needs an existing product, and one per description would pile up products in
 * the catalog and cost calls per new name. Its id is fixed, so every instance uses the same product
 * without looking it up; it is made (or revived) only when a line is refused because it is missing
 * or archived.
 */
final class CustomLineProduct {
  static final StripeProductId ID = new StripeProductId("prod_invoicebridge_custom_line");
  static final String NAME = "Custom line";

  /** Marks products Invoicebridge keeps for itself; the catalog picker leaves them out. */
  static final String METADATA_KEY = "invoicebridge";

  private final StripeCalls calls;

  CustomLineProduct(StripeCalls calls) {
    this.calls = calls;
  }

  /** Whether Stripe refused a call because of this product (missing, deleted or archived). */
  static boolean concerns(StripeFailure.InvalidRequest refusal) {
    boolean productParam = refusal.param().map(p -> p.endsWith("[product]")).orElse(false);
    String message = refusal.getMessage() == null ? "" : refusal.getMessage();
    return productParam || message.contains(ID.value());
  }

  /** Makes the product usable again: creates it when missing, reactivates it when archived. */
  synchronized void repair(StripeFailure.InvalidRequest refusal) {
    if (refusal instanceof StripeFailure.NotFound) {
      create();
    } else {
      calls.call(
          c ->
              c.v1()
                  .products()
                  .update(ID.value(), ProductUpdateParams.builder().setActive(true).build()));
    }
  }

  private void create() {
    try {
      Product made = create(IdempotencyKeys.customLineProduct("first"));
      // A replay means the product was made once and deleted since, within Stripe's 24 hours of
      // keeping the key: the replay made nothing, so make it again under a new key.
      if (StripeCalls.replayed(made)) {
        create(IdempotencyKeys.customLineProduct(UUID.randomUUID().toString()));
      }
    } catch (StripeFailure.StateConflict exists) {
      // Another instance made it first (resource_already_exists): the same product.
    }
  }

  private Product create(String key) {
    ProductCreateParams params =
        ProductCreateParams.builder()
            .setId(ID.value())
            .setName(NAME)
            .setDescription("Billed lines that have no catalog price; each keeps its own text.")
            .putMetadata(METADATA_KEY, "custom-line")
            .build();
    return calls.call(c -> c.v1().products().create(params, StripeCalls.idempotent(key)));
  }
}
