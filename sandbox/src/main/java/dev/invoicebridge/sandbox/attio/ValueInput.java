package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns one written value (any of the forms Attio accepts for the attribute's type) into the fields
 * Attio reads back, plus a key used for equality and uniqueness. Record references and actor
 * references need the store, so {@link ValueResolver} handles them.
 */
final class ValueInput {
  private ValueInput() {}

  /** The normalised fields and the comparison key of a value. */
  record Normalised(Map<String, Object> fields, String key) {}

  static Normalised scalar(AttributeDef attr, JsonNode in) {
    return switch (attr.type) {
      case "text" -> text(in);
      case "number", "rating" -> number(attr, in);
      case "checkbox" -> checkbox(in);
      case "currency" -> currency(attr, in);
      case "date" -> date(in);
      case "timestamp" -> timestamp(in);
      case "email-address" -> ContactValues.email(in);
      case "domain" -> ContactValues.domain(in);
      case "personal-name" -> ContactValues.name(in);
      case "phone-number" -> ContactValues.phone(in);
      case "location" -> ContactValues.location(in);
      default ->
          throw AttioProblem.validation(
              "Attributes of type \"" + attr.type + "\" cannot be written.");
    };
  }

  /** The value inside {@code {"<field>": x}} or the bare value. */
  static JsonNode unwrap(JsonNode in, String field) {
    return in.isObject() && in.has(field) ? in.get(field) : in;
  }

  private static Normalised text(JsonNode in) {
    JsonNode v = unwrap(in, "value");
    if (!v.isString()) {
      throw type("text", in);
    }
    return one("value", v.asString(), v.asString());
  }

  private static Normalised number(AttributeDef attr, JsonNode in) {
    BigDecimal n = decimal(unwrap(in, "value"), attr.type);
    if ("rating".equals(attr.type) && (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(5)) > 0)) {
      throw AttioProblem.validation("Rating values must be between 0 and 5.");
    }
    return one("value", n, n.stripTrailingZeros().toPlainString());
  }

  private static Normalised checkbox(JsonNode in) {
    JsonNode v = unwrap(in, "value");
    boolean b;
    if (v.isBoolean()) {
      b = v.asBoolean();
    } else if (v.isString() && (v.asString().equals("true") || v.asString().equals("false"))) {
      b = Boolean.parseBoolean(v.asString());
    } else {
      throw type("checkbox", in);
    }
    return one("value", b, Boolean.toString(b));
  }

  private static Normalised currency(AttributeDef attr, JsonNode in) {
    BigDecimal n = decimal(unwrap(in, "currency_value"), "currency");
    if (n.stripTrailingZeros().scale() > 4) {
      throw AttioProblem.validation("Currency values can have at most 4 decimal places.");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("currency_value", n);
    f.put("currency_code", attr.currencyCode);
    return new Normalised(f, n.stripTrailingZeros().toPlainString());
  }

  private static Normalised date(JsonNode in) {
    JsonNode v = unwrap(in, "value");
    if (!v.isString()) {
      throw type("date", in);
    }
    String s = v.asString();
    try {
      LocalDate d;
      if (s.matches("\\d{4}")) {
        d = LocalDate.of(Integer.parseInt(s), 1, 1);
      } else if (s.matches("\\d{4}-\\d{2}")) {
        d = LocalDate.parse(s + "-01");
      } else if (s.length() == 10) {
        d = LocalDate.parse(s);
      } else {
        d = parseInstant(s).atOffset(ZoneOffset.UTC).toLocalDate();
      }
      return one("value", d.toString(), d.toString());
    } catch (DateTimeParseException e) {
      throw type("date", in);
    }
  }

  private static Normalised timestamp(JsonNode in) {
    JsonNode v = unwrap(in, "value");
    if (!v.isString()) {
      throw type("timestamp", in);
    }
    try {
      String formatted = AttioTime.format(parseInstant(v.asString()));
      return one("value", formatted, formatted);
    } catch (DateTimeParseException e) {
      throw type("timestamp", in);
    }
  }

  /** UTC is assumed when no offset is given, as Attio does. */
  private static Instant parseInstant(String s) {
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  private static BigDecimal decimal(JsonNode v, String type) {
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isString()) {
      try {
        return new BigDecimal(v.asString().trim());
      } catch (NumberFormatException e) {
        throw type(type, v);
      }
    }
    throw type(type, v);
  }

  static Normalised one(String field, Object value, String key) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(field, value);
    return new Normalised(f, key);
  }

  static AttioProblem type(String type, JsonNode in) {
    return AttioProblem.validation(
        "Invalid value " + in + " for an attribute of type \"" + type + "\".");
  }
}
