package dev.invoicebridge.attio;

import java.util.Objects;

/**
 * One sort key of a records query: an attribute, optionally one of its fields (such as {@code
 * last_name} of a personal name), ascending or descending.
 */
public record Sort(String attribute, String field, boolean ascending) {
  public Sort {
    Objects.requireNonNull(attribute, "attribute");
  }

  public static Sort asc(String attribute) {
    return new Sort(attribute, null, true);
  }

  public static Sort desc(String attribute) {
    return new Sort(attribute, null, false);
  }

  public static Sort asc(String attribute, String field) {
    return new Sort(attribute, field, true);
  }
}
