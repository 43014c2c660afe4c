package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.util.Optional;

/** Finds records by the value of a unique attribute. */
final class RecordMatcher {
  private RecordMatcher() {}

  static Optional<RecordData> byUniqueKey(
      AttioStore store, ObjectDef object, AttributeDef attr, String key) {
    return store.recordsOf(object).values().stream()
        .filter(r -> r.active(attr.id).stream().anyMatch(v -> v.key.equals(key)))
        .findFirst();
  }
}
