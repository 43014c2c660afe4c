package dev.invoicebridge.invoicing;

import java.util.Locale;

/** The invoicing providers Invoicebridge creates invoices in. */
public enum Provider {
  STRIPE;

  /** The API's spelling, such as {@code stripe}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The provider for an API value; {@link IllegalArgumentException} when there is none. */
  public static Provider fromSlug(String slug) {
    for (Provider p : values()) {
      if (p.slug().equals(slug)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown provider: " + slug);
  }
}
