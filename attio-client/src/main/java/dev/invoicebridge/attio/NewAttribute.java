package dev.invoicebridge.attio;

import java.util.List;
import java.util.Objects;

/**
 * An attribute to create. Start from {@link #of} and add what the type needs: {@link
 * #currency(String)} for currency, {@link #referencing(String...)} for record references (Attio
 * requires at least one allowed object).
 *
 * @param allowedObjects slugs (or ids) a record-reference may point at; empty for other types
 */
public record NewAttribute(
    String apiSlug,
    String title,
    String description,
    AttributeType type,
    Constraints constraints,
    String defaultCurrencyCode,
    List<String> allowedObjects) {
  public NewAttribute {
    Slugs.require(apiSlug);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(constraints, "constraints");
    if (!type.creatable()) {
      throw new IllegalArgumentException(
          "Attio does not create " + type.wireName() + " attributes");
    }
    allowedObjects = allowedObjects == null ? List.of() : List.copyOf(allowedObjects);
  }

  /** The create-time switches. */
  public record Constraints(boolean required, boolean unique, boolean multiselect) {
    public static final Constraints NONE = new Constraints(false, false, false);
  }

  public static NewAttribute of(String apiSlug, String title, AttributeType type) {
    return new NewAttribute(apiSlug, title, null, type, Constraints.NONE, null, List.of());
  }

  public NewAttribute describedAs(String newDescription) {
    return new NewAttribute(
        apiSlug, title, newDescription, type, constraints, defaultCurrencyCode, allowedObjects);
  }

  /** Values must be unique across the object's records (not allowed on people and companies). */
  public NewAttribute unique() {
    return with(new Constraints(constraints.required(), true, constraints.multiselect()));
  }

  public NewAttribute multiselect() {
    return with(new Constraints(constraints.required(), constraints.unique(), true));
  }

  public NewAttribute required() {
    return with(new Constraints(true, constraints.unique(), constraints.multiselect()));
  }

  /** For currency attributes: the ISO 4217 code every value is in. */
  public NewAttribute currency(String currencyCode) {
    return new NewAttribute(
        apiSlug, title, description, type, constraints, currencyCode, allowedObjects);
  }

  /** For record-reference attributes: the objects it may point at. */
  public NewAttribute referencing(String... objects) {
    return new NewAttribute(
        apiSlug, title, description, type, constraints, defaultCurrencyCode, List.of(objects));
  }

  private NewAttribute with(Constraints newConstraints) {
    return new NewAttribute(
        apiSlug, title, description, type, newConstraints, defaultCurrencyCode, allowedObjects);
  }
}
