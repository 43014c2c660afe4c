package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.Objects;

/** An object (people, companies, deals, users, or a custom one such as invoices). */
public record AttioObject(
    ObjectId id, String apiSlug, String singularNoun, String pluralNoun, Instant createdAt) {
  public AttioObject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(apiSlug, "apiSlug");
  }
}
