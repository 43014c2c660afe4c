package dev.invoicebridge.sandbox.quickbooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subset of the query language the client uses: {@code select * | count(*) from Entity [where a
 * op v [and ...]] [orderby p [asc|desc]] [startposition n] [maxresults n]}, with operators {@code =
 * < > <= >= in like}, filterable properties only, and active-only name lists by default.
 */
final class QueryEngine {
  private static final Pattern STATEMENT =
      Pattern.compile(
          "(?is)select\\s+(\\*|count\\(\\*\\))\\s+from\\s+(\\w+)"
              + "(?:\\s+where\\s+(.+?))?"
              + "(?:\\s+orderby\\s+([\\w.]+)(?:\\s+(asc|desc))?)?"
              + "(?:\\s+startposition\\s+(\\d+))?"
              + "(?:\\s+maxresults\\s+(\\d+))?\\s*");
  private static final Pattern CONDITION =
      Pattern.compile("(?is)\\s*([\\w.]+)\\s*(<=|>=|=|<|>|\\bin\\b|\\blike\\b)\\s*(.+?)\\s*");

  /** Filterable properties per entity, as Intuit's reference marks them. */
  private static final Map<String, Set<String>> FILTERABLE =
      Map.of(
          "Customer",
              Set.of(
                  "Id",
                  "DisplayName",
                  "PrimaryEmailAddr",
                  "Active",
                  "GivenName",
                  "FamilyName",
                  "CompanyName",
                  "Balance",
                  "MetaData.CreateTime",
                  "MetaData.LastUpdatedTime"),
          "Item",
              Set.of(
                  "Id",
                  "Name",
                  "Active",
                  "Type",
                  "MetaData.CreateTime",
                  "MetaData.LastUpdatedTime"),
          "Invoice",
              Set.of(
                  "Id",
                  "CustomerRef",
                  "DocNumber",
                  "TxnDate",
                  "DueDate",
                  "Balance",
                  "TotalAmt",
                  "MetaData.CreateTime",
                  "MetaData.LastUpdatedTime"),
          "Account", Set.of("Id", "Name", "AccountType", "Active", "Classification"),
          "Payment",
              Set.of(
                  "Id",
                  "CustomerRef",
                  "TxnDate",
                  "MetaData.CreateTime",
                  "MetaData.LastUpdatedTime"),
          "Vendor", Set.of("Id", "DisplayName", "Active", "PrimaryEmailAddr"),
          "Employee", Set.of("Id", "DisplayName", "Active", "PrimaryEmailAddr"));

  private QueryEngine() {}

  static Map<String, Object> run(SandboxCompany company, String statement) {
    Matcher m = STATEMENT.matcher(statement == null ? "" : statement);
    if (!m.matches()) {
      throw QboFault.badQuery("Encountered an unexpected token in: " + statement);
    }
    String entity = m.group(2);
    if (!FILTERABLE.containsKey(entity)) {
      throw QboFault.badQuery("Invalid entity name: " + entity);
    }
    List<QueryConditions.Condition> conditions = conditions(entity, m.group(3));
    List<ObjectNode> rows = new ArrayList<>();
    boolean activeFiltered =
        conditions.stream().anyMatch(c -> c.property().equalsIgnoreCase("Active"));
    for (ObjectNode row : company.all(entity).values()) {
      boolean activeOk = activeFiltered || !row.has("Active") || row.path("Active").asBoolean();
      if (activeOk && conditions.stream().allMatch(c -> QueryConditions.matches(row, c))) {
        rows.add(row);
      }
    }
    String orderBy = m.group(4) == null ? "Id" : m.group(4);
    Comparator<ObjectNode> order =
        Comparator.comparing(r -> QueryConditions.sortKey(QueryConditions.value(r, orderBy)));
    rows.sort("desc".equalsIgnoreCase(m.group(5)) ? order.reversed() : order);
    Map<String, Object> response = new LinkedHashMap<>();
    if (m.group(1).startsWith("count") || m.group(1).startsWith("COUNT")) {
      response.put("totalCount", rows.size());
      return response;
    }
    int start = m.group(6) == null ? 1 : Math.max(1, Integer.parseInt(m.group(6)));
    int max = m.group(7) == null ? 100 : Math.min(1000, Integer.parseInt(m.group(7)));
    List<ObjectNode> page = rows.stream().skip(start - 1L).limit(max).toList();
    if (!page.isEmpty()) {
      response.put(entity, page);
      response.put("startPosition", start);
      response.put("maxResults", page.size());
    }
    return response;
  }

  private static List<QueryConditions.Condition> conditions(String entity, String where) {
    List<QueryConditions.Condition> out = new ArrayList<>();
    if (where == null) {
      return out;
    }
    for (String part : QueryConditions.splitOnAnd(where)) {
      Matcher c = CONDITION.matcher(part);
      if (!c.matches()) {
        throw QboFault.badQuery("Cannot parse condition: " + part);
      }
      String property = c.group(1);
      boolean known =
          FILTERABLE.get(entity).stream()
              .anyMatch(p -> p.equalsIgnoreCase(property.replace("Metadata.", "MetaData.")));
      if (!known) {
        throw QboFault.badQuery("property '" + property + "' is not queryable");
      }
      out.add(
          new QueryConditions.Condition(
              property.replace("Metadata.", "MetaData."),
              c.group(2).toLowerCase(Locale.ROOT),
              QueryConditions.literals(c.group(3))));
    }
    return out;
  }
}
