package dev.invoicebridge.api;

import dev.invoicebridge.invoicing.CatalogItem;
import dev.invoicebridge.invoicing.CatalogPage;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The provider's catalog for the line picker: active prices with unit amount and currency. */
@RestController
class CatalogApi {
  // Stripe price ids (price_ and letters or digits; custom ids may hold _ and -).
  private static final Pattern CURSOR = Pattern.compile("price_[A-Za-z0-9_-]{1,250}");

  private final Invoices invoices;

  CatalogApi(Invoices invoices) {
    this.invoices = invoices;
  }

  /**
   * Prices found, as the picker lists them; {@code nextCursor} is passed back as {@code
   * starting_after} for the next page and is null after the last.
   */
  record PriceList(List<CatalogItem> prices, String nextCursor) {}

  /**
   * Active prices, filtered by product name when {@code query} is given, at most {@code limit} (1
   * to 100) per page, from just after the cursor {@code starting_after}.
   */
  @GetMapping("/api/v1/catalog/prices")
  PriceList prices(
      @RequestParam(defaultValue = "stripe") String provider,
      @RequestParam(required = false) String query,
      @RequestParam(defaultValue = "25") int limit,
      @RequestParam(name = "starting_after", required = false) String startingAfter) {
    if (limit < 1 || limit > 100) {
      throw new ValidationFailure("limit", "must be a whole number from 1 to 100");
    }
    if (query != null && query.length() > 200) {
      throw new ValidationFailure("query", "must be at most 200 characters");
    }
    if (startingAfter != null && !CURSOR.matcher(startingAfter).matches()) {
      throw new ValidationFailure(
          "starting_after", "must be a next_cursor from an earlier page (price_...)");
    }
    Provider chosen;
    try {
      chosen = Provider.fromSlug(provider);
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure("provider", "must be \"stripe\"");
    }
    Optional<String> text = Optional.ofNullable(query).map(String::strip).filter(q -> !q.isEmpty());
    CatalogPage page;
    try {
      page =
          invoices.catalogPage(
              CurrentActor.get().workspaceId(),
              chosen,
              text,
              Optional.ofNullable(startingAfter),
              limit);
    } catch (InvoicingFailure e) {
      if (e.kind() == InvoicingFailure.Kind.NOT_FOUND && startingAfter != null) {
        throw new ValidationFailure("starting_after", "is not a price of this catalog");
      }
      throw e;
    }
    return new PriceList(page.items(), page.nextCursor().orElse(null));
  }
}
