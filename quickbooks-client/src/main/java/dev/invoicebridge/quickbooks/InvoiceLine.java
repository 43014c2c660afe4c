package dev.invoicebridge.quickbooks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One sales-item line. Amount is always Qty × UnitPrice rounded to cents, as QuickBooks demands
 * (error 6070 otherwise).
 *
 * @param id QuickBooks' line id; null for a line not yet saved
 */
public record InvoiceLine(
    String id, ItemId itemId, String description, BigDecimal quantity, BigDecimal unitPrice) {
  public InvoiceLine {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unitPrice, "unitPrice");
  }

  /** A new line, without a QuickBooks id. */
  public static InvoiceLine of(
      ItemId itemId, String description, BigDecimal quantity, BigDecimal unitPrice) {
    return new InvoiceLine(null, itemId, description, quantity, unitPrice);
  }

  public BigDecimal amount() {
    return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
  }
}
