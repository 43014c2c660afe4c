package dev.invoicebridge.sandbox.attio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records with their value history, as Attio keeps them. */
final class RecordModel {
  private RecordModel() {}

  /** A record; values are keyed by attribute id and keep closed (historic) values too. */
  static final class RecordData {
    final String id;
    final String objectId;
    final Instant createdAt;
    final Map<String, List<StoredValue>> values = new LinkedHashMap<>();

    RecordData(String id, String objectId, Instant createdAt) {
      this.id = id;
      this.objectId = objectId;
      this.createdAt = createdAt;
    }

    List<StoredValue> active(String attributeId) {
      List<StoredValue> out = new ArrayList<>();
      for (StoredValue v : values.getOrDefault(attributeId, List.of())) {
        if (v.activeUntil == null) {
          out.add(v);
        }
      }
      return out;
    }

    List<StoredValue> history(String attributeId) {
      return values.computeIfAbsent(attributeId, k -> new ArrayList<>());
    }
  }

  /**
   * One stored value: the type-specific fields Attio returns, the key that decides equality and
   * uniqueness, and when it was active.
   */
  static final class StoredValue {
    final Map<String, Object> fields;
    final String key;
    final Instant activeFrom;
    Instant activeUntil;

    StoredValue(Map<String, Object> fields, String key, Instant activeFrom) {
      this.fields = new LinkedHashMap<>(fields);
      this.key = key;
      this.activeFrom = activeFrom;
    }
  }
}
