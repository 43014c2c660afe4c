package dev.invoicebridge.quickbooks;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A QuickBooks customer, as far as invoicing needs one.
 *
 * @param syncToken the version to send with an update
 * @param email PrimaryEmailAddr.Address, or null
 * @param currency CurrencyRef.value, fixed once the customer exists
 */
public record Customer(
    CustomerId id,
    String syncToken,
    String displayName,
    String email,
    String currency,
    boolean active,
    BigDecimal balance) {
  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
  }
}
