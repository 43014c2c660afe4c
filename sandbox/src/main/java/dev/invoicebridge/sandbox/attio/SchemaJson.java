package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.util.LinkedHashMap;
import java.util.Map;

/** Objects and attributes as Attio renders them. */
final class SchemaJson {
  private SchemaJson() {}

  static Map<String, Object> object(AttioStore store, ObjectDef o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", store.id(o.id, null, null));
    m.put("api_slug", o.slug);
    m.put("singular_noun", o.singular);
    m.put("plural_noun", o.plural);
    m.put("created_at", AttioTime.format(o.createdAt));
    return m;
  }

  static Map<String, Object> attribute(AttioStore store, AttributeDef a) {
    Map<String, Object> currency = new LinkedHashMap<>();
    currency.put("default_currency_code", a.currencyCode);
    currency.put("display_type", a.currencyDisplay);
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put(
        "allowed_object_ids", "record-reference".equals(a.type) ? a.allowedObjectIds : null);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("currency", currency);
    config.put("record_reference", reference);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", store.id(a.objectId, "attribute_id", a.id));
    m.put("title", a.title);
    m.put("description", a.description);
    m.put("api_slug", a.slug);
    m.put("type", a.type);
    m.put("is_system_attribute", a.system);
    m.put("is_writable", a.writable);
    m.put("is_required", a.required);
    m.put("is_unique", a.unique);
    m.put("is_multiselect", a.multiselect);
    m.put("is_default_value_enabled", false);
    m.put("is_archived", a.archived);
    m.put("default_value", null);
    m.put("relationship", relationship(store, a));
    m.put("created_at", AttioTime.format(a.createdAt));
    m.put("config", config);
    return m;
  }

  /** The mirrored attribute on the other object, for relationship attributes. */
  private static Map<String, Object> relationship(AttioStore store, AttributeDef a) {
    if (a.inverseObjectSlug == null) {
      return null;
    }
    ObjectDef other = store.object(a.inverseObjectSlug);
    AttributeDef inverse = other.attributes.get(a.inverseAttributeSlug);
    return Map.of("id", store.id(other.id, "attribute_id", inverse.id));
  }
}
