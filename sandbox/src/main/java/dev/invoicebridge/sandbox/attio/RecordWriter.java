package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.RecordModel.StoredValue;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import dev.invoicebridge.sandbox.attio.ValueInput.Normalised;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes values to a record the way Attio does: everything is validated before anything changes,
 * replaced values are closed (kept as history) rather than deleted, unique and required attributes
 * are enforced, and mirrored relationships are updated on the other side.
 */
final class RecordWriter {
  /** How multiselect attributes treat the given values. */
  enum Mode {
    CREATE,
    APPEND,
    OVERWRITE
  }

  /**
   * One write: its mode, and the attributes whose multiselect values are appended whatever the mode
   * (the matching attribute of an assert).
   */
  record Write(Mode mode, Set<String> appendOnly) {
    static Write of(Mode mode) {
      return new Write(mode, Set.of());
    }
  }

  private final AttioStore store;
  private final ValueResolver resolver;
  private final RecordLinks links;

  RecordWriter(AttioStore store) {
    this.store = store;
    this.resolver = new ValueResolver(store);
    this.links = new RecordLinks(store);
  }

  /**
   * Applies {@code values} to {@code record} (already in the store, or new).
   *
   * @return every record touched, with the ids of its attributes that changed
   */
  Map<RecordData, Set<String>> write(
      ObjectDef object, RecordData record, JsonNode values, Write write) {
    Mode mode = write.mode();
    if (values == null || !values.isObject()) {
      throw AttioProblem.validation("Body must have data.values as an object.");
    }
    Map<AttributeDef, List<Normalised>> target = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : values.properties()) {
      AttributeDef attr = writable(object, e.getKey());
      List<Normalised> given = resolver.resolve(attr, e.getValue());
      boolean append =
          attr.multiselect && (mode == Mode.APPEND || write.appendOnly().contains(attr.id));
      target.put(attr, append ? union(record.active(attr.id), given) : given);
    }
    checkUnique(object, record, target);
    checkRequired(object, record, target, mode);
    Map<RecordData, Set<String>> changed = new LinkedHashMap<>();
    store.recordsOf(object).putIfAbsent(record.id, record);
    for (Map.Entry<AttributeDef, List<Normalised>> e : target.entrySet()) {
      Diff diff = replace(record, e.getKey(), e.getValue());
      if (diff.changed()) {
        changed.computeIfAbsent(record, r -> new LinkedHashSet<>()).add(e.getKey().id);
        links.mirror(record, e.getKey(), diff, changed);
      }
    }
    if (mode == Mode.CREATE) {
      changed.computeIfAbsent(record, r -> new LinkedHashSet<>());
    }
    return changed;
  }

  private AttributeDef writable(ObjectDef object, String slugOrId) {
    AttributeDef attr =
        object
            .attribute(slugOrId)
            .filter(a -> !a.archived)
            .orElseThrow(
                () ->
                    AttioProblem.notFound(
                        "Attribute with slug/ID \"" + slugOrId + "\" not found."));
    if (!attr.writable) {
      throw AttioProblem.validation("Attribute \"" + attr.slug + "\" is not writable.");
    }
    return attr;
  }

  private static List<Normalised> union(List<StoredValue> existing, List<Normalised> given) {
    List<Normalised> out = new ArrayList<>();
    existing.forEach(v -> out.add(new Normalised(v.fields, v.key)));
    for (Normalised n : given) {
      if (out.stream().noneMatch(o -> o.key().equals(n.key()))) {
        out.add(n);
      }
    }
    return out;
  }

  private void checkUnique(
      ObjectDef object, RecordData record, Map<AttributeDef, List<Normalised>> target) {
    for (Map.Entry<AttributeDef, List<Normalised>> e : target.entrySet()) {
      if (!e.getKey().unique) {
        continue;
      }
      for (Normalised n : e.getValue()) {
        Optional<RecordData> holder = RecordMatcher.byUniqueKey(store, object, e.getKey(), n.key());
        if (holder.isPresent() && !holder.get().id.equals(record.id)) {
          throw AttioProblem.invalid(
              "uniqueness_conflict",
              "The value \""
                  + n.key()
                  + "\" provided for attribute with slug \""
                  + e.getKey().slug
                  + "\" is not unique: record \""
                  + holder.get().id
                  + "\" already has it.");
        }
      }
    }
  }

  private static void checkRequired(
      ObjectDef object, RecordData record, Map<AttributeDef, List<Normalised>> target, Mode mode) {
    for (AttributeDef attr : object.attributes.values()) {
      if (!attr.required || attr.archived) {
        continue;
      }
      boolean missing =
          target.containsKey(attr)
              ? target.get(attr).isEmpty()
              : mode == Mode.CREATE && record.active(attr.id).isEmpty();
      if (missing) {
        throw AttioProblem.invalid(
            "missing_value",
            "Required value for attribute with ID \"" + attr.id + "\" was not provided.");
      }
    }
  }

  /** What a replacement added and removed, by comparison key. */
  record Diff(List<StoredValue> added, List<StoredValue> removed) {
    boolean changed() {
      return !added.isEmpty() || !removed.isEmpty();
    }
  }

  private Diff replace(RecordData record, AttributeDef attr, List<Normalised> wanted) {
    List<StoredValue> added = new ArrayList<>();
    List<StoredValue> removed = new ArrayList<>();
    for (StoredValue v : record.active(attr.id)) {
      boolean kept =
          wanted.stream().anyMatch(n -> n.key().equals(v.key) && n.fields().equals(v.fields));
      if (!kept) {
        v.activeUntil = store.now();
        removed.add(v);
      }
    }
    for (Normalised n : wanted) {
      boolean present =
          record.active(attr.id).stream()
              .anyMatch(v -> v.key.equals(n.key()) && v.fields.equals(n.fields()));
      if (!present) {
        StoredValue v = new StoredValue(n.fields(), n.key(), store.now());
        record.history(attr.id).add(v);
        added.add(v);
      }
    }
    return new Diff(added, removed);
  }
}
