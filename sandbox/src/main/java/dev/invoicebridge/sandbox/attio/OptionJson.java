package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.OptionDef;
import java.util.LinkedHashMap;
import java.util.Map;

/** Select options and statuses as Attio renders them. */
final class OptionJson {
  private OptionJson() {}

  /** {@code kind} is {@code option} or {@code status}. */
  static Map<String, Object> render(AttioStore store, AttributeDef attr, OptionDef o, String kind) {
    Map<String, Object> id = store.id(attr.objectId, "attribute_id", attr.id);
    id.put("option".equals(kind) ? "option_id" : "status_id", o.id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", o.title);
    m.put("is_archived", o.archived);
    if ("status".equals(kind)) {
      m.put("celebration_enabled", o.celebrationEnabled);
      m.put("target_time_in_status", o.targetTimeInStatus);
    }
    return m;
  }
}
