package dev.invoicebridge.sandbox.quickbooks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
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
          "Account", Set.of("Id", "Name", "AccountType", "Active", "Classification"));

  /** Where a filterable property's value lives in the entity's JSON. */
  private static final Map<String, String> VALUE_PATH =
      Map.of("PrimaryEmailAddr", "PrimaryEmailAddr.Address", "CustomerRef", "CustomerRef.value");

  private record Condition(String property, String op, List<String> values) {}

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
    List<Condition> conditions = conditions(entity, m.group(3));
    List<ObjectNode> rows = new ArrayList<>();
    boolean activeFiltered =
        conditions.stream().anyMatch(c -> c.property().equalsIgnoreCase("Active"));
    for (ObjectNode row : company.all(entity).values()) {
      boolean activeOk =
          activeFiltered || entity.equals("Invoice") || row.path("Active").asBoolean(true);
      if (activeOk && conditions.stream().allMatch(c -> matches(row, c))) {
        rows.add(row);
      }
    }
    String orderBy = m.group(4) == null ? "Id" : m.group(4);
    Comparator<ObjectNode> order = Comparator.comparing(r -> sortKey(value(r, orderBy)));
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

  private static List<Condition> conditions(String entity, String where) {
    List<Condition> out = new ArrayList<>();
    if (where == null) {
      return out;
    }
    for (String part : splitOnAnd(where)) {
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
          new Condition(
              property.replace("Metadata.", "MetaData."),
              c.group(2).toLowerCase(Locale.ROOT),
              literals(c.group(3))));
    }
    return out;
  }

  /** Splits on AND outside quotes (the language has no OR). */
  private static List<String> splitOnAnd(String where) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < where.length(); i++) {
      char ch = where.charAt(i);
      if (ch == '\\' && quoted && i + 1 < where.length()) {
        current.append(ch).append(where.charAt(++i));
        continue;
      }
      if (ch == '\'') {
        quoted = !quoted;
      }
      if (!quoted && where.regionMatches(true, i, " and ", 0, 5)) {
        parts.add(current.toString());
        current.setLength(0);
        i += 4;
        continue;
      }
      current.append(ch);
    }
    parts.add(current.toString());
    return parts;
  }

  private static List<String> literals(String raw) {
    String s = raw.trim();
    List<String> values = new ArrayList<>();
    if (s.startsWith("(") && s.endsWith(")")) {
      for (String v : s.substring(1, s.length() - 1).split(",")) {
        values.add(unquote(v.trim()));
      }
    } else {
      values.add(unquote(s));
    }
    return values;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
    }
    if (v.startsWith("'")) {
      throw QboFault.badQuery("Unterminated string literal: " + v);
    }
    return v;
  }

  private static boolean matches(ObjectNode row, Condition c) {
    String path = VALUE_PATH.getOrDefault(c.property(), c.property());
    String actual = value(row, path);
    if (actual == null) {
      return false;
    }
    String expected = c.values().getFirst();
    return switch (c.op()) {
      case "=" -> compare(actual, expected) == 0;
      case "<" -> compare(actual, expected) < 0;
      case ">" -> compare(actual, expected) > 0;
      case "<=" -> compare(actual, expected) <= 0;
      case ">=" -> compare(actual, expected) >= 0;
      case "in" -> c.values().stream().anyMatch(v -> compare(actual, v) == 0);
      case "like" -> actual.toLowerCase(Locale.ROOT).matches(likePattern(expected));
      default -> throw QboFault.badQuery("Unsupported operator " + c.op());
    };
  }

  private static String likePattern(String like) {
    StringBuilder re = new StringBuilder();
    for (String part : like.toLowerCase(Locale.ROOT).split("%", -1)) {
      re.append(Pattern.quote(part)).append(".*");
    }
    return re.substring(0, re.length() - 2);
  }

  private static String value(JsonNode row, String path) {
    JsonNode n = row;
    for (String p : path.split("\\.")) {
      n = n.path(p);
    }
    return n.isMissingNode() || n.isNull() ? null : n.asString();
  }

  /** Numbers numerically, timestamps as instants, the rest case-insensitively as text. */
  private static int compare(String actual, String expected) {
    try {
      return new BigDecimal(actual).compareTo(new BigDecimal(expected));
    } catch (NumberFormatException notNumbers) {
      // fall through
    }
    try {
      return OffsetDateTime.parse(actual)
          .toInstant()
          .compareTo(OffsetDateTime.parse(expected).toInstant());
    } catch (RuntimeException notTimestamps) {
      return actual.compareToIgnoreCase(expected);
    }
  }

  private static String sortKey(String v) {
    return v == null ? "" : v.matches("\\d{1,18}") ? String.format("%020d", Long.parseLong(v)) : v;
  }
}
