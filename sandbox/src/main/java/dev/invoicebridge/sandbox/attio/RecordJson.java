package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.RecordModel.StoredValue;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Records as Attio returns them: every non-archived attribute, current values only. */
final class RecordJson {
  private RecordJson() {}

  static Map<String, Object> render(AttioStore store, ObjectDef object, RecordData record) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (AttributeDef attr : object.attributes.values()) {
      if (!attr.archived) {
        values.put(attr.slug, values(store, attr, record.active(attr.id)));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", store.id(object.id, "record_id", record.id));
    body.put("created_at", AttioTime.format(record.createdAt));
    body.put(
        "web_url",
        "https://app.attio.com/"
            + store.workspace.slug()
            + "/"
            + object.singular.toLowerCase(Locale.ROOT).replace(' ', '-')
            + "/"
            + record.id);
    body.put("values", values);
    return body;
  }

  static List<Map<String, Object>> values(
      AttioStore store, AttributeDef attr, List<StoredValue> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (StoredValue v : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("active_from", AttioTime.format(v.activeFrom));
      m.put("active_until", AttioTime.format(v.activeUntil));
      m.put("created_by_actor", store.tokenActor());
      m.putAll(v.fields);
      m.put("attribute_type", attr.type);
      out.add(m);
    }
    return out;
  }
}
