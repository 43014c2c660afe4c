package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An attribute of an object as Attio reports it.
 *
 * @param flags the is_* switches
 * @param defaultCurrencyCode for currency attributes, the code every value carries; else null
 * @param allowedObjectIds for record-reference attributes, the objects it may point at
 */
public record AttioAttribute(
    AttributeKey key,
    String title,
    String description,
    String apiSlug,
    AttributeType type,
    AttributeFlags flags,
    String defaultCurrencyCode,
    List<ObjectId> allowedObjectIds,
    Instant createdAt) {
  public AttioAttribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(apiSlug, "apiSlug");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(flags, "flags");
    allowedObjectIds = allowedObjectIds == null ? List.of() : List.copyOf(allowedObjectIds);
  }

  /** The composite id of an attribute: its object and its own id. */
  public record AttributeKey(ObjectId objectId, AttributeId attributeId) {
    public AttributeKey {
      Objects.requireNonNull(objectId, "objectId");
      Objects.requireNonNull(attributeId, "attributeId");
    }
  }

  public boolean isUnique() {
    return flags.unique();
  }

  public boolean isMultiselect() {
    return flags.multiselect();
  }

  public boolean isRequired() {
    return flags.required();
  }

  public boolean isArchived() {
    return flags.archived();
  }
}
