package dev.invoicebridge.schema;

import dev.invoicebridge.security.ValidationFailure;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a workspace's invoices live in Attio: the object, the attribute for each field (defaults
 * unless the admin mapped another), and the currency Attio shows on created currency attributes
 * (Attio fixes the currency per attribute; the currency field holds each invoice's own).
 */
public record SchemaMapping(
    String objectSlug, String currencyCode, Map<InvoiceField, String> overrides) {
  public static final String DEFAULT_OBJECT = "invoices";
  public static final String DEFAULT_CURRENCY = "USD";
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public SchemaMapping {
    Objects.requireNonNull(objectSlug, "objectSlug");
    Objects.requireNonNull(currencyCode, "currencyCode");
    EnumMap<InvoiceField, String> copy = new EnumMap<>(InvoiceField.class);
    overrides.forEach(
        (field, slug) -> {
          if (!slug.equals(field.defaultSlug())) {
            copy.put(field, slug);
          }
        });
    overrides = Collections.unmodifiableMap(copy);
  }

  public static SchemaMapping defaults() {
    return new SchemaMapping(DEFAULT_OBJECT, DEFAULT_CURRENCY, Map.of());
  }

  /** The attribute slug that holds {@code field}. */
  public String slug(InvoiceField field) {
    return overrides.getOrDefault(field, field.defaultSlug());
  }

  /** Every field with its attribute slug, in field order. */
  public Map<InvoiceField, String> slugs() {
    Map<InvoiceField, String> all = new LinkedHashMap<>();
    for (InvoiceField field : InvoiceField.values()) {
      all.put(field, slug(field));
    }
    return all;
  }

  /**
   * Parses an admin's input (field keys to slugs; blank means default), reporting every bad field:
   * an unknown field, a malformed slug, or two fields sharing one attribute.
   */
  public static SchemaMapping parse(
      String objectSlug, String currencyCode, Map<String, String> attributeSlugs) {
    Map<String, String> errors = new LinkedHashMap<>();
    String object = normalise(objectSlug);
    if (object.isEmpty()) {
      object = DEFAULT_OBJECT;
    } else if (!SLUG.matcher(object).matches()) {
      errors.put("object_slug", slugMessage());
    }
    String currency = normalise(currencyCode).toUpperCase(Locale.ROOT);
    if (currency.isEmpty()) {
      currency = DEFAULT_CURRENCY;
    } else if (!CURRENCY.matcher(currency).matches()) {
      errors.put("currency_code", "must be a three-letter ISO 4217 code such as USD or EUR");
    }
    Map<InvoiceField, String> overrides = new EnumMap<>(InvoiceField.class);
    Map<String, InvoiceField> claimed = new HashMap<>();
    attributeSlugs.forEach(
        (key, value) -> {
          InvoiceField field;
          try {
            field = InvoiceField.fromKey(key);
          } catch (IllegalArgumentException e) {
            errors.put("attributes." + key, "is not an invoice field");
            return;
          }
          String slug = normalise(value);
          if (!slug.isEmpty() && !SLUG.matcher(slug).matches()) {
            errors.put("attributes." + key, slugMessage());
          } else if (!slug.isEmpty()) {
            overrides.put(field, slug);
          }
        });
    for (InvoiceField field : InvoiceField.values()) {
      String slug = overrides.getOrDefault(field, field.defaultSlug());
      InvoiceField other = claimed.putIfAbsent(slug, field);
      if (other != null) {
        errors.put(
            "attributes." + field.key(), "uses attribute \"" + slug + "\", as " + other.key());
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    return new SchemaMapping(object, currency, overrides);
  }

  private static String normalise(String value) {
    return value == null ? "" : value.strip();
  }

  private static String slugMessage() {
    return "must be an Attio api slug: lower-case letters, digits, _ and -, at most 64";
  }
}
