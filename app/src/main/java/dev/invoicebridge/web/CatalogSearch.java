package dev.invoicebridge.web;

import dev.invoicebridge.invoicing.CatalogItem;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.security.CurrentActor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dialog's catalog searches: Stripe's active prices by product name (the whole catalog, through
 * {@link Invoices#catalog}), as the picker lists them, flagged when not in the invoice's currency.
 */
@Component
class CatalogSearch {
  static final int MAX_QUERY = 200;

  private final Invoices invoices;

  CatalogSearch(Invoices invoices) {
    this.invoices = invoices;
  }

  /** A catalog price as the picker lists it. */
  record CatalogOption(
      String priceId, String name, String currency, long unitAmount, boolean otherCurrency) {
    static CatalogOption of(CatalogItem item, String invoiceCurrency) {
      return new CatalogOption(
          item.priceId(),
          item.name() == null || item.name().isBlank() ? "Unnamed product" : item.name(),
          item.currency(),
          item.unitAmount(),
          invoiceCurrency != null
              && !invoiceCurrency.isBlank()
              && !item.currency().equalsIgnoreCase(invoiceCurrency.strip()));
    }

    public String price() {
      return Money.format(unitAmount, currency);
    }

    public String label() {
      return name + " — " + price();
    }
  }

  /**
   * Prices whose product name contains {@code query}, at most {@code max}; throws {@link
   * InvoicingFailure} or {@link ProviderNotConnected} when Stripe cannot be asked.
   */
  List<CatalogOption> search(String query, String currency, int max) {
    String q = query == null ? "" : query.strip();
    q = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    return invoices
        .catalog(
            CurrentActor.get().workspaceId(),
            Provider.STRIPE,
            Optional.of(q).filter(s -> !s.isEmpty()),
            max)
        .stream()
        .map(item -> CatalogOption.of(item, currency))
        .toList();
  }

  /**
   * Matches for the rows that have search text but no chosen price, so that the dialog can list
   * them without JavaScript; rows whose search fails are left without.
   */
  Map<Integer, List<CatalogOption>> matches(Map<String, String> form, int max) {
    Map<Integer, List<CatalogOption>> matches = new LinkedHashMap<>();
    for (int row : LineRows.of(form)) {
      String query = form.get("price_query_" + row);
      String price = form.get("price_id_" + row);
      if (query != null && !query.isBlank() && (price == null || price.isBlank())) {
        try {
          matches.put(row, search(query, form.get("currency"), max));
        } catch (InvoicingFailure | ProviderNotConnected e) {
          return matches;
        }
      }
    }
    return matches;
  }

  /** The form with {@code priceId}, found again by the row's search text, chosen on the row. */
  Map<String, String> pick(Map<String, String> form, int row, String priceId) {
    Map<String, String> picked = new LinkedHashMap<>(form);
    search(form.get("price_query_" + row), form.get("currency"), 100).stream()
        .filter(o -> o.priceId().equals(priceId))
        .findFirst()
        .ifPresent(
            o -> {
              picked.put("price_id_" + row, o.priceId());
              picked.put("price_amount_" + row, String.valueOf(o.unitAmount()));
              picked.put("price_currency_" + row, o.currency());
              picked.put("price_query_" + row, o.label());
              picked.remove("description_" + row);
              picked.remove("unit_price_" + row);
            });
    return picked;
  }
}
