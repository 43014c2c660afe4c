package dev.invoicebridge.invoicing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of catalog prices for the line picker.
 *
 * @param nextCursor pass it back as {@code starting_after} for the following page; empty at the end
 */
public record CatalogPage(List<CatalogItem> items, Optional<String> nextCursor) {
  public CatalogPage {
    items = List.copyOf(items);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
