package dev.invoicebridge.schema;

import dev.invoicebridge.attio.AttioAttribute;
import dev.invoicebridge.attio.AttributeType;
import dev.invoicebridge.attio.ObjectId;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an existing Attio attribute can hold an invoice field, and if not, why in plain words.
 */
final class AttributeCheck {
  private AttributeCheck() {}

  /**
   * The reason {@code attribute} cannot hold {@code field}, or empty when it can.
   *
   * @param referencedObject the id of the object a reference field must point at, if it exists
   */
  static Optional<String> problem(
      InvoiceField field, AttioAttribute attribute, Optional<ObjectId> referencedObject) {
    if (attribute.isArchived()) {
      return Optional.of("is archived in Attio; restore it or map the field to another attribute");
    }
    if (!attribute.flags().writable()) {
      return Optional.of("cannot be written through Attio's API");
    }
    if (!field.acceptedTypes().contains(attribute.type())) {
      return Optional.of(
          "is a "
              + attribute.type().wireName()
              + " attribute, but "
              + field.title().toLowerCase(Locale.ROOT)
              + " needs "
              + field.acceptedTypes().stream()
                  .map(AttributeType::wireName)
                  .sorted()
                  .collect(Collectors.joining(" or ")));
    }
    if (attribute.isMultiselect() && field.referencedObject() == null) {
      return Optional.of("holds several values; it needs to hold a single value");
    }
    if (field.isKey() && !attribute.isUnique()) {
      return Optional.of("is not unique; invoices are matched on it, so it must be unique");
    }
    if (field.referencedObject() != null
        && !attribute.allowedObjectIds().isEmpty()
        && referencedObject.map(id -> !attribute.allowedObjectIds().contains(id)).orElse(true)) {
      return Optional.of("does not point at " + field.referencedObject());
    }
    return Optional.empty();
  }

  /**
   * Why a usable currency attribute misleads, or empty: Attio fixes the currency per attribute, so
   * one in another currency than the workspace's shows every amount in that other currency.
   */
  static Optional<String> currencyMismatch(AttioAttribute attribute, String workspaceCurrency) {
    String code = attribute.defaultCurrencyCode();
    if (attribute.type() != AttributeType.CURRENCY
        || code == null
        || code.equalsIgnoreCase(workspaceCurrency)) {
      return Optional.empty();
    }
    return Optional.of(
        "shows amounts in "
            + code
            + " but the workspace currency is "
            + workspaceCurrency
            + " (Attio fixes the currency per attribute, so "
            + workspaceCurrency
            + " amounts would read as "
            + code
            + "); set the workspace currency to "
            + code
            + " or change the attribute's currency in Attio");
  }
}
