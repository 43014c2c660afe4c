package dev.invoicebridge.api;

import dev.invoicebridge.invoicing.CatalogItem;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The provider's catalog for the line picker: active prices with unit amount and currency. */
@RestController
class CatalogApi {
  private final Invoices invoices;

  CatalogApi(Invoices invoices) {
    this.invoices = invoices;
  }

  /** Prices found, as the picker lists them. */
  record PriceList(List<CatalogItem> prices) {}

  /** Active prices, filtered by product name when {@code query} is given (at most 100). */
  @GetMapping("/api/v1/catalog/prices")
  PriceList prices(
      @RequestParam(defaultValue = "stripe") String provider,
      @RequestParam(required = false) String query,
      @RequestParam(defaultValue = "25") int limit) {
    if (limit < 1 || limit > 100) {
      throw new ValidationFailure("limit", "must be a whole number from 1 to 100");
    }
    if (query != null && query.length() > 200) {
      throw new ValidationFailure("query", "must be at most 200 characters");
    }
    Provider chosen;
    try {
      chosen = Provider.fromSlug(provider);
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure("provider", "must be \"stripe\"");
    }
    Optional<String> text = Optional.ofNullable(query).map(String::strip).filter(q -> !q.isEmpty());
    return new PriceList(invoices.catalog(CurrentActor.get().workspaceId(), chosen, text, limit));
  }
}
