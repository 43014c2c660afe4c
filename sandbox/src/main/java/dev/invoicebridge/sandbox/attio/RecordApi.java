package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.RecordModel.StoredValue;
import dev.invoicebridge.sandbox.attio.RecordWriter.Mode;
import dev.invoicebridge.sandbox.attio.RecordWriter.Write;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import dev.invoicebridge.sandbox.attio.ValueInput.Normalised;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Records: create, get, query, assert, update (append or overwrite), delete, value history. */
final class RecordApi {
  private final AttioStore store;
  private final RecordWriter writer;
  private final RecordQuery query;

  RecordApi(AttioStore store) {
    this.store = store;
    this.writer = new RecordWriter(store);
    this.query = new RecordQuery(store);
  }

  void register(AttioRoutes routes) {
    String records = "/v2/objects/{object}/records";
    routes
        .write("POST", records, this::create)
        .write("PUT", records, this::assertRecord)
        .add("POST", records + "/query", false, query::query)
        .get(records + "/{record_id}", this::get)
        .get(records + "/{record_id}/attributes/{attribute}/values", this::values)
        .write("PATCH", records + "/{record_id}", c -> update(c, Mode.APPEND))
        .write("PUT", records + "/{record_id}", c -> update(c, Mode.OVERWRITE))
        .write("DELETE", records + "/{record_id}", this::delete);
  }

  private Object create(AttioCall call) {
    ObjectDef object = store.object(call.param("object"));
    RecordData record = new RecordData(AttioStore.newId(), object.id, store.now());
    JsonNode values = call.data().path("values");
    Map<RecordData, Set<String>> changed =
        writer.write(object, record, values, Write.of(Mode.CREATE));
    events(call, changed, record);
    return Map.of("data", RecordJson.render(store, object, record));
  }

  private Object get(AttioCall call) {
    ObjectDef object = store.object(call.param("object"));
    return Map.of(
        "data", RecordJson.render(store, object, store.record(object, call.param("record_id"))));
  }

  /**
   * One attribute's values: current ones, or with {@code show_historic=true} every value, oldest
   * first.
   */
  private Object values(AttioCall call) {
    ObjectDef object = store.object(call.param("object"));
    RecordData record = store.record(object, call.param("record_id"));
    String slug = call.param("attribute");
    AttributeDef attr =
        object
            .attribute(slug)
            .orElseThrow(
                () -> AttioProblem.notFound("Attribute with slug/ID \"" + slug + "\" not found."));
    List<StoredValue> values =
        "true".equals(call.query.get("show_historic"))
            ? record.values.getOrDefault(attr.id, List.of())
            : record.active(attr.id);
    int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
    int limit = call.intQuery("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    List<StoredValue> page = values.stream().skip(offset).limit(limit).toList();
    return Map.of("data", RecordJson.values(store, attr, page));
  }

  private Object update(AttioCall call, Mode mode) {
    ObjectDef object = store.object(call.param("object"));
    RecordData record = store.record(object, call.param("record_id"));
    Map<RecordData, Set<String>> changed =
        writer.write(object, record, call.data().path("values"), Write.of(mode));
    return respond(call, object, record, changed);
  }

  /** Updates the record the matching attribute finds, else creates one. */
  private Object assertRecord(AttioCall call) {
    ObjectDef object = store.object(call.param("object"));
    String slug = call.query.get("matching_attribute");
    if (slug == null || slug.isBlank()) {
      throw AttioProblem.validation("The matching_attribute query parameter is required.");
    }
    AttributeDef match =
        object
            .attribute(slug)
            .orElseThrow(
                () ->
                    AttioProblem.valueNotFound(
                        "No attribute was found for matching_attribute slug/ID \"" + slug + "\"."));
    if (!match.unique) {
      throw AttioProblem.validation("The matching attribute specified is not a unique attribute.");
    }
    JsonNode values = call.data().path("values");
    JsonNode given =
        values.isObject()
            ? values.path(match.slug).isMissingNode()
                ? values.path(match.id)
                : values.path(match.slug)
            : null;
    if (given == null
        || given.isMissingNode()
        || given.isNull()
        || (given.isArray() && given.isEmpty())) {
      throw AttioProblem.validation(
          "The values must include the matching attribute \"" + match.slug + "\".");
    }
    Optional<RecordData> existing = Optional.empty();
    for (Normalised n : new ValueResolver(store).resolve(match, given)) {
      existing = existing.or(() -> RecordMatcher.byUniqueKey(store, object, match, n.key()));
    }
    if (existing.isPresent()) {
      // Other multiselect attributes are set to exactly the given values; the matching one grows.
      Map<RecordData, Set<String>> changed =
          writer.write(object, existing.get(), values, new Write(Mode.OVERWRITE, Set.of(match.id)));
      return respond(call, object, existing.get(), changed);
    }
    RecordData record = new RecordData(AttioStore.newId(), object.id, store.now());
    Map<RecordData, Set<String>> changed =
        writer.write(object, record, values, Write.of(Mode.CREATE));
    events(call, changed, record);
    return Map.of("data", RecordJson.render(store, object, record));
  }

  private Object delete(AttioCall call) {
    ObjectDef object = store.object(call.param("object"));
    RecordData record = store.record(object, call.param("record_id"));
    Map<RecordData, Set<String>> changed = new LinkedHashMap<>();
    new RecordLinks(store).unlinkAll(record, changed);
    store.recordsOf(object).remove(record.id);
    changed.remove(record);
    events(call, changed, null);
    call.events.add(event("record.deleted", object.id, record.id, null));
    return Map.of();
  }

  private Object respond(
      AttioCall call, ObjectDef object, RecordData record, Map<RecordData, Set<String>> changed) {
    events(call, changed, null);
    return Map.of("data", RecordJson.render(store, object, record));
  }

  /** One event per created record, and one per changed attribute of every other touched record. */
  private void events(AttioCall call, Map<RecordData, Set<String>> changed, RecordData created) {
    if (created != null) {
      call.events.add(event("record.created", created.objectId, created.id, null));
    }
    changed.forEach(
        (r, attributes) -> {
          if (r != created) {
            attributes.forEach(a -> call.events.add(event("record.updated", r.objectId, r.id, a)));
          }
        });
  }

  private Map<String, Object> event(
      String type, String objectId, String recordId, String attributeId) {
    Map<String, Object> id = store.id(objectId, "record_id", recordId);
    if (attributeId != null) {
      id.put("attribute_id", attributeId);
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event_type", type);
    e.put("id", id);
    e.put("actor", store.tokenActor());
    return e;
  }
}
