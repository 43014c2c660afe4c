package dev.invoicebridge.quickbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The query language: one entity per statement, paged with STARTPOSITION (1-based)/MAXRESULTS. */
final class Queries {
  private final ApiTransport api;
  private final int pageSize;

  Queries(ApiTransport api, int pageSize) {
    this.api = api;
    this.pageSize = pageSize;
  }

  Optional<JsonNode> first(String entity, String where) {
    List<JsonNode> rows = page(entity, where, 1, 1);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  /** Every row, page by page, until a page comes back short. */
  List<JsonNode> all(String entity, String where) {
    List<JsonNode> rows = new ArrayList<>();
    for (int start = 1; ; start += pageSize) {
      List<JsonNode> page = page(entity, where, start, pageSize);
      rows.addAll(page);
      if (page.size() < pageSize) {
        return rows;
      }
    }
  }

  private List<JsonNode> page(String entity, String where, int start, int max) {
    String statement =
        "select * from "
            + entity
            + (where == null || where.isBlank() ? "" : " where " + where)
            + " ORDERBY Id STARTPOSITION "
            + start
            + " MAXRESULTS "
            + max;
    JsonNode body = api.json(ApiRequest.get("/query", Map.of("query", statement)));
    // An empty result has no entity key at all.
    List<JsonNode> rows = new ArrayList<>();
    body.path("QueryResponse").path(entity).forEach(rows::add);
    return rows;
  }
}
