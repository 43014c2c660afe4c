package dev.invoicebridge.quickbooks;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the typed ids: QuickBooks ids are decimal strings. */
final class Ids {
  private static final Pattern NUMERIC = Pattern.compile("\\d{1,32}");

  private Ids() {}

  static String numeric(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!NUMERIC.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be a QuickBooks id (digits): " + value);
    }
    return value;
  }
}
