package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Objects and attributes: {@code /v2/objects} and {@code /v2/objects/{object}/attributes}. */
final class SchemaApi {
  private static final Set<String> CREATABLE =
      Set.of(
          "text",
          "number",
          "checkbox",
          "currency",
          "date",
          "timestamp",
          "rating",
          "status",
          "select",
          "record-reference",
          "actor-reference",
          "location",
          "domain",
          "email-address",
          "phone-number");
  private static final String SLUG = "^[a-z0-9_-]+$";

  private final AttioStore store;

  SchemaApi(AttioStore store) {
    this.store = store;
  }

  void register(AttioRoutes routes) {
    routes
        .get(
            "/v2/objects",
            c ->
                Map.of(
                    "data",
                    store.objects.values().stream().map(o -> SchemaJson.object(store, o)).toList()))
        .get(
            "/v2/objects/{object}",
            c -> Map.of("data", SchemaJson.object(store, store.object(c.param("object")))))
        .write("POST", "/v2/objects", this::createObject)
        .get("/v2/{target}/{identifier}/attributes", this::listAttributes)
        .get(
            "/v2/{target}/{identifier}/attributes/{attribute}",
            c -> Map.of("data", SchemaJson.attribute(store, attribute(c))))
        .write("POST", "/v2/{target}/{identifier}/attributes", new AttributeCreation(store)::create)
        .write("PATCH", "/v2/{target}/{identifier}/attributes/{attribute}", this::updateAttribute);
  }

  private Object createObject(AttioCall call) {
    JsonNode d = call.data();
    String slug = d.path("api_slug").asString("");
    String singular = d.path("singular_noun").asString("");
    String plural = d.path("plural_noun").asString("");
    if (!slug.matches(SLUG) || singular.isBlank() || plural.isBlank()) {
      throw AttioProblem.validation("api_slug, singular_noun and plural_noun are required.");
    }
    boolean taken =
        store.objects.values().stream()
            .anyMatch(
                o ->
                    o.slug.equals(slug)
                        || o.singular.equalsIgnoreCase(singular)
                        || o.plural.equalsIgnoreCase(plural));
    if (taken) {
      throw AttioProblem.slugConflict(
          "Failed to create object. Please ensure your api_slug and names are unique.");
    }
    ObjectDef o = new ObjectDef(AttioStore.newId(), slug, singular, plural, store.now());
    store.add(o);
    return Map.of("data", SchemaJson.object(store, o));
  }

  /** The object a {@code /v2/{target}/{identifier}} path names; lists are not emulated. */
  static ObjectDef target(AttioStore store, AttioCall call) {
    if ("lists".equals(call.param("target"))) {
      throw AttioProblem.notFound(
          "List with slug/ID \"" + call.param("identifier") + "\" not found.");
    }
    if (!"objects".equals(call.param("target"))) {
      throw AttioProblem.validation("target must be \"objects\" or \"lists\".");
    }
    return store.object(call.param("identifier"));
  }

  AttributeDef attribute(AttioCall call) {
    return attribute(store, call);
  }

  static AttributeDef attribute(AttioStore store, AttioCall call) {
    ObjectDef object = target(store, call);
    String slugOrId = call.param("attribute");
    return object
        .attribute(slugOrId)
        .orElseThrow(
            () -> AttioProblem.notFound("Attribute with slug/ID \"" + slugOrId + "\" not found."));
  }

  private Object listAttributes(AttioCall call) {
    ObjectDef object = target(store, call);
    boolean archived = "true".equals(call.query.get("show_archived"));
    int limit = call.intQuery("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
    List<Object> out = new ArrayList<>();
    object.attributes.values().stream()
        .filter(a -> archived || !a.archived)
        .skip(offset)
        .limit(limit)
        .forEach(a -> out.add(SchemaJson.attribute(store, a)));
    return Map.of("data", out);
  }

  private Object updateAttribute(AttioCall call) {
    AttributeDef a = attribute(call);
    JsonNode d = call.data();
    if (d.isEmpty()) {
      throw AttioProblem.validation(
          "You passed an empty payload. Please provide at least one field to update.");
    }
    if (a.system) {
      throw AttioProblem.invalid("system_edit_unauthorized", "Cannot update a System attribute.");
    }
    ObjectDef object = target(store, call);
    if (d.has("api_slug")) {
      String slug = d.get("api_slug").asString("");
      if (!slug.matches(SLUG)) {
        throw AttioProblem.validation("api_slug must be snake case.");
      }
      if (!slug.equals(a.slug) && object.attributes.containsKey(slug)) {
        throw AttioProblem.slugConflict(
            "An attribute with the same API slug already exists on this object. Please choose a different API slug.");
      }
    }
    if (d.path("is_unique").asBoolean(false)) {
      AttributeCreation.checkUniqueAllowed(object, a.type);
    }
    apply(object, a, d);
    return Map.of("data", SchemaJson.attribute(store, a));
  }

  private static void apply(ObjectDef object, AttributeDef a, JsonNode d) {
    if (d.has("title")) {
      a.title = d.get("title").asString();
    }
    if (d.has("description")) {
      a.description = d.get("description").isNull() ? null : d.get("description").asString();
    }
    if (d.has("is_required")) {
      a.required = d.get("is_required").asBoolean();
    }
    if (d.has("is_unique")) {
      a.unique = d.get("is_unique").asBoolean();
    }
    if (d.has("is_archived")) {
      a.archived = d.get("is_archived").asBoolean();
    }
    if (d.has("api_slug") && !d.get("api_slug").asString().equals(a.slug)) {
      object.attributes.remove(a.slug);
      a.slug = d.get("api_slug").asString();
      object.attributes.put(a.slug, a);
    }
  }

  static boolean creatable(String type) {
    return CREATABLE.contains(type);
  }
}
