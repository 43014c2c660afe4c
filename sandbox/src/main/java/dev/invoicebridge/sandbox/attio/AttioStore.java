package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the emulated workspace holds. Not thread-safe on its own: the servlet serialises every
 * call on the store, which is how Attio's per-record consistency looks from outside.
 */
final class AttioStore {
  final AttioWorkspace workspace;
  final Clock clock;
  final Map<String, ObjectDef> objects = new LinkedHashMap<>();
  final Map<String, Map<String, RecordData>> records = new LinkedHashMap<>();
  final Map<String, Map<String, Object>> notes = new LinkedHashMap<>();
  final Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
  final List<Map<String, Object>> members = new ArrayList<>();

  AttioStore(AttioWorkspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** The actor Attio records for writes made with the API token. */
  Map<String, Object> tokenActor() {
    return Map.of("type", "api-token", "id", workspace.clientId());
  }

  Optional<ObjectDef> findObject(String slugOrId) {
    for (ObjectDef o : objects.values()) {
      if (o.slug.equals(slugOrId) || o.id.equals(slugOrId)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  ObjectDef object(String slugOrId) {
    return findObject(slugOrId)
        .orElseThrow(
            () -> AttioProblem.notFound("Object with slug/ID \"" + slugOrId + "\" not found."));
  }

  ObjectDef objectById(String id) {
    return objects.get(id);
  }

  Map<String, RecordData> recordsOf(ObjectDef object) {
    return records.computeIfAbsent(object.id, k -> new LinkedHashMap<>());
  }

  RecordData record(ObjectDef object, String recordId) {
    RecordData r = recordsOf(object).get(recordId);
    if (r == null) {
      throw AttioProblem.notFound("Record with ID \"" + recordId + "\" not found.");
    }
    return r;
  }

  void add(ObjectDef object) {
    objects.put(object.id, object);
    records.computeIfAbsent(object.id, k -> new LinkedHashMap<>());
  }

  /** Composite id of an object-level thing, as Attio nests ids. */
  Map<String, Object> id(String objectId, String key, String value) {
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("workspace_id", workspace.id());
    id.put("object_id", objectId);
    if (key != null) {
      id.put(key, value);
    }
    return id;
  }
}
