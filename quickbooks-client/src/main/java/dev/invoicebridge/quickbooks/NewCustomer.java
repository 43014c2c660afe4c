package dev.invoicebridge.quickbooks;

import java.util.Objects;

/**
 * A customer to create. DisplayName must be unique across customers, vendors and employees.
 *
 * @param currency ISO 4217 code, or null for the company's home currency
 */
public record NewCustomer(String displayName, String companyName, String email, String currency) {
  public NewCustomer {
    Objects.requireNonNull(displayName, "displayName");
    if (displayName.isBlank() || displayName.length() > 500) {
      throw new IllegalArgumentException("displayName must have 1 to 500 characters");
    }
  }

  public NewCustomer withDisplayName(String name) {
    return new NewCustomer(name, companyName, email, currency);
  }
}
