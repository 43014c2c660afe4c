package dev.invoicebridge.sandbox.attio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The emulated workspace's schema: objects, their attributes, select options and statuses. */
final class SchemaModel {
  private SchemaModel() {}

  /** An object and its attributes in UI order. */
  static final class ObjectDef {
    final String id;
    String slug;
    String singular;
    String plural;
    final Instant createdAt;
    final Map<String, AttributeDef> attributes = new LinkedHashMap<>();

    ObjectDef(String id, String slug, String singular, String plural, Instant createdAt) {
      this.id = id;
      this.slug = slug;
      this.singular = singular;
      this.plural = plural;
      this.createdAt = createdAt;
    }

    /** By slug or id, as Attio's paths and value keys allow. */
    Optional<AttributeDef> attribute(String slugOrId) {
      AttributeDef bySlug = attributes.get(slugOrId);
      if (bySlug != null) {
        return Optional.of(bySlug);
      }
      return attributes.values().stream().filter(a -> a.id.equals(slugOrId)).findFirst();
    }
  }

  /** An attribute; options and statuses only for select and status types. */
  static final class AttributeDef {
    final String id;
    final String objectId;
    final String type;
    final Instant createdAt;
    String slug;
    String title;
    String description;
    boolean system;
    boolean writable = true;
    boolean required;
    boolean unique;
    boolean multiselect;
    boolean archived;
    String currencyCode;
    String currencyDisplay;
    List<String> allowedObjectIds = List.of();

    /** For a relationship, the attribute on the other side that mirrors this one. */
    String inverseObjectSlug;

    String inverseAttributeSlug;
    final List<OptionDef> options = new ArrayList<>();

    AttributeDef(String id, String objectId, String type, Instant createdAt) {
      this.id = id;
      this.objectId = objectId;
      this.type = type;
      this.createdAt = createdAt;
    }

    Optional<OptionDef> option(String titleOrId) {
      return options.stream()
          .filter(o -> o.title.equals(titleOrId) || o.id.equals(titleOrId))
          .findFirst();
    }
  }

  /** A select option or a status (statuses carry two extra settings). */
  static final class OptionDef {
    final String id;
    String title;
    boolean archived;
    boolean celebrationEnabled;
    String targetTimeInStatus;

    OptionDef(String id, String title) {
      this.id = id;
      this.title = title;
    }
  }
}
