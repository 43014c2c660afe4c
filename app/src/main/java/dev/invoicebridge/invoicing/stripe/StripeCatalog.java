package dev.invoicebridge.invoicing.stripe;

import com.stripe.StripeClient;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Products and prices: active one-time prices for the line picker, and the one-off products that
 * custom lines are billed under, one per distinct name instead of one per line.
 */
public final class StripeCatalog {
  private static final int MAX_SEARCH_PAGES = 10;

  private final StripeCalls calls;
  private final Map<String, StripeProductId> oneOffProducts = new ConcurrentHashMap<>();

  StripeCatalog(StripeCalls calls) {
    this.calls = calls;
  }

  /** Active one-time prices, newest first, {@code limit} (1 to 100) per page. */
  public Page<CatalogPrice> activePrices(Optional<String> cursor, int limit) {
    PriceListParams.Builder params =
        PriceListParams.builder()
            .setActive(true)
            .setType(PriceListParams.Type.ONE_TIME)
            .setLimit((long) limit)
            .addExpand("data.product");
    cursor.ifPresent(params::setStartingAfter);
    StripeCollection<Price> page = calls.call(c -> c.v1().prices().list(params.build()));
    List<CatalogPrice> items = page.getData().stream().map(StripeCatalog::toCatalogPrice).toList();
    boolean more = Boolean.TRUE.equals(page.getHasMore()) && !items.isEmpty();
    return new Page<>(
        items, more ? Optional.of(items.getLast().price().value()) : Optional.empty());
  }

  /** Active products, newest first, {@code limit} (1 to 100) per page. */
  public Page<CatalogProduct> activeProducts(Optional<String> cursor, int limit) {
    ProductListParams.Builder params =
        ProductListParams.builder().setActive(true).setLimit((long) limit);
    cursor.ifPresent(params::setStartingAfter);
    StripeCollection<Product> page = calls.call(c -> c.v1().products().list(params.build()));
    List<CatalogProduct> items =
        page.getData().stream()
            .map(
                p ->
                    new CatalogProduct(
                        new StripeProductId(p.getId()),
                        p.getName(),
                        Optional.ofNullable(p.getDefaultPrice()).map(StripePriceId::new)))
            .toList();
    boolean more = Boolean.TRUE.equals(page.getHasMore()) && !items.isEmpty();
    return new Page<>(items, more ? Optional.of(items.getLast().id().value()) : Optional.empty());
  }

  /**
   * Active prices whose product name contains {@code text} (case-insensitive), up to {@code max};
   * reads at most ten pages of 100, since Stripe's search API is only eventually consistent.
   */
  public List<CatalogPrice> search(String text, int max) {
    String needle = text.toLowerCase(Locale.ROOT);
    List<CatalogPrice> found = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int i = 0; i < MAX_SEARCH_PAGES && found.size() < max; i++) {
      Page<CatalogPrice> page = activePrices(cursor, 100);
      page.items().stream()
          .filter(
              p ->
                  p.productName() != null
                      && p.productName().toLowerCase(Locale.ROOT).contains(needle))
          .limit(max - found.size())
          .forEach(found::add);
      cursor = page.nextCursor();
      if (cursor.isEmpty()) {
        break;
      }
    }
    return found;
  }

  /**
   * The product custom lines named {@code name} are billed under. Its id is derived from the name,
   * so every instance reuses the same product: it is read, created only when missing.
   */
  public StripeProductId oneOffProduct(String name) {
    String trimmed = name.strip();
    return oneOffProducts.computeIfAbsent(trimmed, n -> findOrCreate(n, oneOffProductId(n)));
  }

  static StripeProductId oneOffProductId(String name) {
    return new StripeProductId("prod_ib" + IdempotencyKeys.hash(name.strip()));
  }

  private StripeProductId findOrCreate(String name, StripeProductId id) {
    try {
      calls.call(c -> c.v1().products().retrieve(id.value()));
      return id;
    } catch (StripeFailure.NotFound missing) {
      try {
        calls.call(
            (StripeClient c) ->
                c.v1()
                    .products()
                    .create(
                        ProductCreateParams.builder()
                            .setId(id.value())
                            .setName(name)
                            .putMetadata("invoicebridge", "one-off")
                            .build(),
                        StripeCalls.idempotent(IdempotencyKeys.oneOffProduct(name))));
      } catch (StripeFailure.StateConflict raced) {
        // Another instance created it between our read and our create: the same product.
      }
      return id;
    }
  }

  private static CatalogPrice toCatalogPrice(Price p) {
    String name = p.getProductObject() == null ? null : p.getProductObject().getName();
    return new CatalogPrice(
        new StripePriceId(p.getId()),
        new StripeProductId(p.getProduct()),
        name,
        p.getCurrency(),
        p.getUnitAmount() == null ? 0 : p.getUnitAmount());
  }
}
