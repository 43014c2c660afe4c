package dev.invoicebridge.quickbooks;

import java.math.BigDecimal;
import java.util.Objects;

/** A QuickBooks product or service that invoice lines refer to. */
public record Item(
    ItemId id, String name, String type, String incomeAccountId, BigDecimal unitPrice) {
  public Item {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
