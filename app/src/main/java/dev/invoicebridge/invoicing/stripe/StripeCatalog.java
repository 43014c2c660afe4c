package dev.invoicebridge.invoicing.stripe;

import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Products and prices: active one-time prices for the line picker, with cursor paging and a
 * product-name search. Products Invoicebridge keeps for itself (the custom-line product) are left
 * out.
 */
public final class StripeCatalog {
  private static final int MAX_SEARCH_PAGES = 10;

  private final StripeCalls calls;
  private final CustomLineProduct customLines;

  StripeCatalog(StripeCalls calls) {
    this.calls = calls;
    this.customLines = new CustomLineProduct(calls);
  }

  /** The product custom lines are billed under (one per account). */
  CustomLineProduct customLines() {
    return customLines;
  }

  /**
   * Active one-time prices, newest first, {@code limit} (1 to 100) per page. A page may hold fewer
   * when it had prices of our own products; the cursor still moves on.
   */
  public Page<CatalogPrice> activePrices(Optional<String> cursor, int limit) {
    PriceListParams.Builder params =
        PriceListParams.builder()
            .setActive(true)
            .setType(PriceListParams.Type.ONE_TIME)
            .setLimit((long) limit)
            .addExpand("data.product");
    cursor.ifPresent(params::setStartingAfter);
    StripeCollection<Price> page = calls.call(c -> c.v1().prices().list(params.build()));
    List<Price> data = page.getData();
    List<CatalogPrice> items =
        data.stream()
            .filter(p -> !ours(p.getProductObject()))
            .map(StripeCatalog::toCatalogPrice)
            .toList();
    boolean more = Boolean.TRUE.equals(page.getHasMore()) && !data.isEmpty();
    return new Page<>(items, more ? Optional.of(data.getLast().getId()) : Optional.empty());
  }

  /** Active products, newest first, {@code limit} (1 to 100) per page, without our own. */
  public Page<CatalogProduct> activeProducts(Optional<String> cursor, int limit) {
    ProductListParams.Builder params =
        ProductListParams.builder().setActive(true).setLimit((long) limit);
    cursor.ifPresent(params::setStartingAfter);
    StripeCollection<Product> page = calls.call(c -> c.v1().products().list(params.build()));
    List<Product> data = page.getData();
    List<CatalogProduct> items =
        data.stream()
            .filter(p -> !ours(p))
            .map(
                p ->
                    new CatalogProduct(
                        new StripeProductId(p.getId()),
                        p.getName(),
                        Optional.ofNullable(p.getDefaultPrice()).map(StripePriceId::new)))
            .toList();
    boolean more = Boolean.TRUE.equals(page.getHasMore()) && !data.isEmpty();
    return new Page<>(items, more ? Optional.of(data.getLast().getId()) : Optional.empty());
  }

  /**
   * Active prices whose product name contains {@code text} (case-insensitive), up to {@code max},
   * from {@code cursor} on. Stripe's search API is only eventually consistent, so this reads the
   * list, at most ten pages of 100 per call; the returned cursor continues where it stopped, so a
   * caller can page through any catalog.
   */
  public Page<CatalogPrice> search(String text, Optional<String> cursor, int max) {
    String needle = text.toLowerCase(Locale.ROOT);
    List<CatalogPrice> found = new ArrayList<>();
    Optional<String> next = cursor;
    for (int i = 0; i < MAX_SEARCH_PAGES; i++) {
      Page<CatalogPrice> page = activePrices(next, 100);
      next = page.nextCursor();
      for (CatalogPrice p : page.items()) {
        if (p.productName() != null && p.productName().toLowerCase(Locale.ROOT).contains(needle)) {
          found.add(p);
          if (found.size() == max) {
            // Full: the next search starts right after this match.
            return new Page<>(found, Optional.of(p.price().value()));
          }
        }
      }
      if (next.isEmpty()) {
        break;
      }
    }
    return new Page<>(found, next);
  }

  /** The first {@code max} matches (see {@link #search(String, Optional, int)}). */
  public List<CatalogPrice> search(String text, int max) {
    return search(text, Optional.empty(), max).items();
  }

  /** Whether Invoicebridge keeps the product for itself, so it is no catalog item. */
  private static boolean ours(Product product) {
    return product != null
        && (CustomLineProduct.ID.value().equals(product.getId())
            || (product.getMetadata() != null
                && product.getMetadata().containsKey(CustomLineProduct.METADATA_KEY)));
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
