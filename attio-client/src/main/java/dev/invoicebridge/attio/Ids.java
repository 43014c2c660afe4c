package dev.invoicebridge.attio;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the typed ids: every Attio id component is a UUID. */
final class Ids {
  private static final Pattern UUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private Ids() {}

  static String requireUuid(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!UUID.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be a UUID, got \"" + value + "\"");
    }
    return value;
  }

  static boolean isUuid(String value) {
    return value != null && UUID.matcher(value).matches();
  }
}
