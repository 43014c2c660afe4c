package dev.invoicebridge.sandbox.quickbooks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /cdc?entities=&changedSince=}: full payloads of changed entities and {@code
 * status:"Deleted"} stubs, at most 30 days back and at most 1,000 objects per entity.
 */
final class ChangeDataCapture {
  static final int MAX_OBJECTS = 1000;

  private ChangeDataCapture() {}

  static Map<String, Object> run(SandboxCompany company, String entities, String changedSince) {
    OffsetDateTime since = parse(changedSince);
    if (since.isBefore(company.now().minusDays(30))) {
      throw QboFault.validation(
          "4001", "Invalid query", "changedSince must be within the last 30 days");
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    for (String raw : entities.split(",")) {
      String entity = canonical(raw.trim());
      // Changes and deletion stubs in one timeline, oldest first, so that the 1,000-object cap
      // cuts the newest changes of either kind and a client resuming from the last time it saw
      // misses nothing (stubs listed last would be the first to be dropped).
      List<Change> changes = new ArrayList<>();
      company.all(entity).values().stream()
          .filter(e -> !updated(e).isBefore(since))
          .forEach(e -> changes.add(new Change(updated(e), e)));
      for (SandboxCompany.Deletion d : company.deletions()) {
        if (d.entity().equals(entity) && !d.at().isBefore(since)) {
          changes.add(new Change(d.at(), stub(d)));
        }
      }
      changes.sort(Comparator.comparing(Change::at));
      List<Object> rows = changes.stream().map(Change::payload).toList();
      if (!rows.isEmpty()) {
        List<Object> page = rows.subList(0, Math.min(rows.size(), MAX_OBJECTS));
        Map<String, Object> group = new LinkedHashMap<>();
        group.put(entity, page);
        group.put("startPosition", 1);
        group.put("maxResults", page.size());
        group.put("totalCount", rows.size());
        groups.add(group);
      }
    }
    if (groups.isEmpty()) {
      groups.add(Map.of());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("CDCResponse", List.of(Map.of("QueryResponse", groups)));
    body.put("time", company.responseTime());
    return body;
  }

  private record Change(OffsetDateTime at, Object payload) {}

  private static Map<String, Object> stub(SandboxCompany.Deletion d) {
    Map<String, Object> stub = new LinkedHashMap<>();
    stub.put("domain", "QBO");
    stub.put("status", "Deleted");
    stub.put("Id", d.id());
    stub.put("MetaData", Map.of("LastUpdatedTime", d.at().format(SandboxCompany.TIMESTAMP)));
    return stub;
  }

  private static OffsetDateTime updated(ObjectNode e) {
    return OffsetDateTime.parse(e.path("MetaData").path("LastUpdatedTime").asString());
  }

  private static OffsetDateTime parse(String changedSince) {
    try {
      return changedSince.length() == 10
          ? LocalDate.parse(changedSince).atStartOfDay().atOffset(SandboxCompany.ZONE)
          : OffsetDateTime.parse(changedSince);
    } catch (DateTimeParseException e) {
      throw QboFault.validation(
          "4001",
          "Invalid query",
          "changedSince is not an ISO-8601 date or datetime: " + changedSince);
    }
  }

  /** Entity names in CDC are case-insensitive. */
  private static String canonical(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "invoice" -> "Invoice";
      case "customer" -> "Customer";
      case "item" -> "Item";
      case "payment" -> "Payment";
      default ->
          throw QboFault.validation(
              "4001", "Invalid query", "CDC is not supported for entity " + name);
    };
  }
}
