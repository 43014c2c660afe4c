package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.RecordModel.StoredValue;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps mirrored relationships consistent both ways: setting a person's company adds the person to
 * the company's team (and takes them off their old company's), and the reverse.
 */
final class RecordLinks {
  private final AttioStore store;

  RecordLinks(AttioStore store) {
    this.store = store;
  }

  /** After {@code attr} of {@code record} gained and lost references, fixes the other sides. */
  void mirror(
      RecordData record,
      AttributeDef attr,
      RecordWriter.Diff diff,
      Map<RecordData, Set<String>> changed) {
    if (attr.inverseObjectSlug == null) {
      return;
    }
    ObjectDef other = store.object(attr.inverseObjectSlug);
    AttributeDef inverse = other.attributes.get(attr.inverseAttributeSlug);
    ObjectDef own = store.objectById(record.objectId);
    for (StoredValue v : diff.removed()) {
      RecordData target = store.recordsOf(other).get((String) v.fields.get("target_record_id"));
      if (target != null && close(target, inverse, record.id)) {
        touch(changed, target, inverse);
      }
    }
    for (StoredValue v : diff.added()) {
      RecordData target = store.recordsOf(other).get((String) v.fields.get("target_record_id"));
      if (target == null) {
        continue;
      }
      if (!inverse.multiselect) {
        // A single-valued other side (a person has one company) lets go of its previous link.
        for (StoredValue old : target.active(inverse.id)) {
          String previousId = (String) old.fields.get("target_record_id");
          if (!previousId.equals(record.id)) {
            close(target, inverse, previousId);
            RecordData previous = store.recordsOf(own).get(previousId);
            if (previous != null && close(previous, attr, target.id)) {
              touch(changed, previous, attr);
            }
          }
        }
      }
      if (target.active(inverse.id).stream()
          .noneMatch(x -> record.id.equals(x.fields.get("target_record_id")))) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("target_object", own.slug);
        fields.put("target_record_id", record.id);
        target
            .history(inverse.id)
            .add(new StoredValue(fields, own.id + ":" + record.id, store.now()));
      }
      touch(changed, target, inverse);
    }
  }

  /** Removes the links of every mirrored attribute of a record that is being deleted. */
  void unlinkAll(RecordData record, Map<RecordData, Set<String>> changed) {
    ObjectDef own = store.objectById(record.objectId);
    for (AttributeDef attr : own.attributes.values()) {
      if (attr.inverseObjectSlug != null) {
        List<StoredValue> links = record.active(attr.id);
        mirror(record, attr, new RecordWriter.Diff(List.of(), links), changed);
      }
    }
  }

  private boolean close(RecordData record, AttributeDef attr, String targetId) {
    boolean closed = false;
    for (StoredValue v : record.active(attr.id)) {
      if (targetId.equals(v.fields.get("target_record_id"))) {
        v.activeUntil = store.now();
        closed = true;
      }
    }
    return closed;
  }

  private static void touch(Map<RecordData, Set<String>> changed, RecordData r, AttributeDef a) {
    changed.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(a.id);
  }
}
