package dev.invoicebridge.api;

/** Java property names as the API spells them. */
final class JsonNames {
  private JsonNames() {}

  /** {@code daysUntilDue} becomes {@code days_until_due}; nested paths keep their dots. */
  static String snake(String javaName) {
    return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
