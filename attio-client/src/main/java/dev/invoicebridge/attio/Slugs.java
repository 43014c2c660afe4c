package dev.invoicebridge.attio;

import java.util.Objects;
import java.util.regex.Pattern;

/** Attio's api slugs: documented as snake case; the product only ever generates snake case. */
final class Slugs {
  private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9_]*$");

  private Slugs() {}

  static String require(String slug) {
    Objects.requireNonNull(slug, "apiSlug");
    if (!SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("api slug must be snake_case, got \"" + slug + "\"");
    }
    return slug;
  }
}
