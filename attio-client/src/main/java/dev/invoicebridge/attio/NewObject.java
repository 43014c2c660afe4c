package dev.invoicebridge.attio;

import java.util.Objects;

/** A custom object to create; the slug and both nouns must be unique in the workspace. */
public record NewObject(String apiSlug, String singularNoun, String pluralNoun) {
  public NewObject {
    Slugs.require(apiSlug);
    if (Objects.requireNonNull(singularNoun, "singularNoun").isBlank()
        || Objects.requireNonNull(pluralNoun, "pluralNoun").isBlank()) {
      throw new IllegalArgumentException("object nouns must not be blank");
    }
  }
}
