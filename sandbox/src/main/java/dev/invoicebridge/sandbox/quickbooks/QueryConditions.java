package dev.invoicebridge.sandbox.quickbooks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The WHERE clause's pieces: literals with backslash escapes, operators, and comparisons. */
final class QueryConditions {
  /** Where a filterable property's value lives in the entity's JSON. */
  private static final Map<String, String> VALUE_PATH =
      Map.of("PrimaryEmailAddr", "PrimaryEmailAddr.Address", "CustomerRef", "CustomerRef.value");

  /** One condition: property, operator (lower case) and its literal(s). */
  record Condition(String property, String op, List<String> values) {}

  private QueryConditions() {}

  /** Splits on AND outside quotes (the language has no OR). */
  static List<String> splitOnAnd(String where) {
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
      if (!quoted && where.regionMatches(true, i, " or ", 0, 4)) {
        throw QboFault.badQuery("OR is not supported: " + where);
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

  static List<String> literals(String raw) {
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

  static boolean matches(ObjectNode row, Condition c) {
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

  static String value(JsonNode row, String path) {
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

  static String sortKey(String v) {
    return v == null ? "" : v.matches("\\d{1,18}") ? String.format("%020d", Long.parseLong(v)) : v;
  }
}
