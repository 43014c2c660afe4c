package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code POST /v2/objects/{object}/attributes}, with Attio's restrictions on what may exist. */
final class AttributeCreation {
  private final AttioStore store;

  AttributeCreation(AttioStore store) {
    this.store = store;
  }

  Object create(AttioCall call) {
    ObjectDef object = SchemaApi.target(store, call);
    JsonNode d = call.data();
    String slug = d.path("api_slug").asString("");
    String type = d.path("type").asString("");
    if (!slug.matches("^[a-z0-9_-]+$") || d.path("title").asString("").isBlank()) {
      throw AttioProblem.validation("title and a snake case api_slug are required.");
    }
    if (!SchemaApi.creatable(type)) {
      throw AttioProblem.validation("Attributes of type \"" + type + "\" cannot be created.");
    }
    if ("status".equals(type)) {
      throw AttioProblem.validation("Attributes of type \"status\" are not supported on objects.");
    }
    if ("email-address".equals(type)) {
      throw AttioProblem.validation(
          "It isn't currently possible to create your own email address attributes.");
    }
    if (object.attributes.containsKey(slug)) {
      throw AttioProblem.slugConflict(
          "An attribute with the same API slug already exists on this object. Please choose a different API slug.");
    }
    boolean unique = d.path("is_unique").asBoolean(false);
    if (unique) {
      checkUniqueAllowed(object, type);
    }
    AttributeDef a = new AttributeDef(AttioStore.newId(), object.id, type, store.now());
    a.slug = slug;
    a.title = d.path("title").asString();
    a.description =
        d.path("description").isString() && !d.path("description").asString().isEmpty()
            ? d.get("description").asString()
            : null;
    a.required = d.path("is_required").asBoolean(false);
    a.unique = unique;
    a.multiselect = d.path("is_multiselect").asBoolean(false);
    configure(a, d.path("config"));
    object.attributes.put(slug, a);
    call.events.add(
        Map.of(
            "event_type",
            "object-attribute.created",
            "id",
            store.id(object.id, "attribute_id", a.id),
            "actor",
            store.tokenActor()));
    return Map.of("data", SchemaJson.attribute(store, a));
  }

  /** Attio forbids unique selects, and unique attributes on people and companies. */
  static void checkUniqueAllowed(ObjectDef object, String type) {
    if ("select".equals(type) || "status".equals(type) || "checkbox".equals(type)) {
      throw AttioProblem.validation("Attributes of type \"" + type + "\" cannot be unique.");
    }
    if ("people".equals(object.slug) || "companies".equals(object.slug)) {
      throw AttioProblem.validation(
          "It is not possible to add or edit unique attributes for lists or People or Companies standard objects.");
    }
  }

  private void configure(AttributeDef a, JsonNode config) {
    if ("currency".equals(a.type)) {
      a.currencyCode = config.path("currency").path("default_currency_code").asString("USD");
      a.currencyDisplay = config.path("currency").path("display_type").asString("symbol");
      if (a.multiselect) {
        throw AttioProblem.validation("Currency attributes cannot be multiselect.");
      }
    }
    if ("record-reference".equals(a.type)) {
      JsonNode allowed = config.path("record_reference").path("allowed_objects");
      if (!allowed.isArray() || allowed.isEmpty()) {
        throw AttioProblem.validation(
            "Record reference attributes need config.record_reference.allowed_objects.");
      }
      List<String> ids = new ArrayList<>();
      allowed.forEach(o -> ids.add(store.object(o.asString()).id));
      a.allowedObjectIds = List.copyOf(ids);
    }
  }
}
