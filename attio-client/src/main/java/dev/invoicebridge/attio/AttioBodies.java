package dev.invoicebridge.attio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies in Attio's shapes; nulls are left out where Attio treats absent as unchanged. */
final class AttioBodies {
  private AttioBodies() {}

  static Map<String, Object> data(Map<String, Object> data) {
    return Map.of("data", data);
  }

  static Map<String, Object> object(NewObject o) {
    return data(
        Map.of(
            "api_slug",
            o.apiSlug(),
            "singular_noun",
            o.singularNoun(),
            "plural_noun",
            o.pluralNoun()));
  }

  static Map<String, Object> attribute(NewAttribute a) {
    Map<String, Object> config = new LinkedHashMap<>();
    if (a.type() == AttributeType.CURRENCY) {
      config.put(
          "currency",
          Map.of(
              "default_currency_code",
              a.defaultCurrencyCode() == null ? "USD" : a.defaultCurrencyCode(),
              "display_type",
              "symbol"));
    }
    if (a.type() == AttributeType.RECORD_REFERENCE) {
      config.put("record_reference", Map.of("allowed_objects", a.allowedObjects()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", a.title());
    body.put("description", a.description() == null ? "" : a.description());
    body.put("api_slug", a.apiSlug());
    body.put("type", a.type().wireName());
    body.put("is_required", a.constraints().required());
    body.put("is_unique", a.constraints().unique());
    body.put("is_multiselect", a.constraints().multiselect());
    body.put("config", config);
    return data(body);
  }

  static Map<String, Object> attributeUpdate(AttributeUpdate u) {
    Map<String, Object> body = new LinkedHashMap<>();
    putIfPresent(body, "title", u.title());
    putIfPresent(body, "description", u.description());
    putIfPresent(body, "is_required", u.required());
    putIfPresent(body, "is_unique", u.unique());
    putIfPresent(body, "is_archived", u.archived());
    return data(body);
  }

  static Map<String, Object> values(RecordValues values) {
    return data(Map.of("values", ValueCodec.write(values)));
  }

  static Map<String, Object> query(RecordQuery q) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (q.filter() != null) {
      body.put("filter", q.filter().json());
    }
    if (!q.sorts().isEmpty()) {
      body.put("sorts", q.sorts().stream().map(AttioBodies::sort).toList());
    }
    body.put("limit", q.limit());
    body.put("offset", q.offset());
    return body;
  }

  private static Map<String, Object> sort(Sort s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("direction", s.ascending() ? "asc" : "desc");
    m.put("attribute", s.attribute());
    putIfPresent(m, "field", s.field());
    return m;
  }

  static Map<String, Object> note(NewNote n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("parent_object", n.parentObject());
    body.put("parent_record_id", n.parentRecordId().value());
    body.put("title", n.title());
    body.put("format", n.markdown() ? "markdown" : "plaintext");
    body.put("content", n.content());
    return data(body);
  }

  static Map<String, Object> task(NewTask t) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", t.content());
    body.put("format", "plaintext");
    body.put("deadline_at", t.deadlineAt() == null ? null : t.deadlineAt().toString());
    body.put("is_completed", false);
    body.put(
        "linked_records",
        t.linkedRecords().stream()
            .map(l -> Map.of("target_object", l.object(), "target_record_id", l.recordId().value()))
            .toList());
    body.put(
        "assignees",
        t.assignees().stream()
            .map(
                a ->
                    Map.of(
                        "referenced_actor_type",
                        "workspace-member",
                        "referenced_actor_id",
                        a.value()))
            .toList());
    return data(body);
  }

  static Map<String, Object> webhook(NewWebhook w) {
    List<Map<String, Object>> subs =
        w.subscriptions().stream()
            .map(
                s -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("event_type", s.eventType());
                  m.put("filter", s.filter());
                  return m;
                })
            .toList();
    return data(Map.of("target_url", w.targetUrl().toString(), "subscriptions", subs));
  }

  static Map<String, Object> optionUpdate(OptionUpdate u) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfPresent(m, "title", u.title());
    putIfPresent(m, "is_archived", u.archived());
    return data(m);
  }

  static Map<String, Object> title(String title) {
    return data(Map.of("title", title));
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
