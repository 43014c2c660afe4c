package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.ValueInput.Normalised;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Email addresses, domains, personal names, phone numbers and locations in Attio's shapes. */
final class ContactValues {
  private ContactValues() {}

  static Normalised email(JsonNode in) {
    JsonNode v = ValueInput.unwrap(in, "email_address");
    if (!v.isString() || !v.asString().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      throw AttioProblem.validation("Invalid email address \"" + in + "\".");
    }
    String original = v.asString();
    String email = original.toLowerCase(Locale.ROOT);
    String domain = email.substring(email.indexOf('@') + 1);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("original_email_address", original);
    f.put("email_address", email);
    f.put("email_domain", domain);
    f.put("email_root_domain", rootDomain(domain));
    f.put("email_local_specifier", email.substring(0, email.indexOf('@')).replaceAll("\\+.*$", ""));
    return new Normalised(f, email);
  }

  static Normalised domain(JsonNode in) {
    JsonNode v = ValueInput.unwrap(in, "domain");
    if (!v.isString() || !v.asString().matches("^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$")) {
      throw AttioProblem.validation("Invalid domain \"" + in + "\".");
    }
    String domain = v.asString().toLowerCase(Locale.ROOT);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("domain", domain);
    f.put("root_domain", rootDomain(domain));
    return new Normalised(f, domain);
  }

  static String rootDomain(String domain) {
    String[] parts = domain.split("\\.");
    return parts.length <= 2 ? domain : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  static Normalised name(JsonNode in) {
    String first;
    String last;
    String full;
    if (in.isString()) {
      // Attio's string form is "Last, First".
      String[] parts = in.asString().split(",", 2);
      last = parts[0].trim();
      first = parts.length > 1 ? parts[1].trim() : "";
      full = (first + " " + last).trim();
    } else if (in.isObject()
        && in.path("first_name").isString()
        && in.path("last_name").isString()
        && in.path("full_name").isString()) {
      first = in.get("first_name").asString();
      last = in.get("last_name").asString();
      full = in.get("full_name").asString();
    } else {
      throw AttioProblem.validation(
          "Personal name values need first_name, last_name and full_name, or a \"Last, First\" string.");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("first_name", first);
    f.put("last_name", last);
    f.put("full_name", full);
    return new Normalised(f, full.toLowerCase(Locale.ROOT));
  }

  static Normalised phone(JsonNode in) {
    JsonNode v = ValueInput.unwrap(in, "original_phone_number");
    if (!v.isString()) {
      throw ValueInput.type("phone-number", in);
    }
    String original = v.asString();
    String digits = original.replaceAll("[^0-9]", "");
    String country =
        in.isObject() && in.path("country_code").isString()
            ? in.get("country_code").asString()
            : null;
    if (country == null) {
      country = original.startsWith("+44") ? "GB" : original.startsWith("+49") ? "DE" : "US";
    }
    String e164 =
        original.startsWith("+") ? "+" + digits : ("US".equals(country) ? "+1" : "+") + digits;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("original_phone_number", original);
    f.put("country_code", country);
    f.put("phone_number", e164);
    return new Normalised(f, e164);
  }

  /** The fields of a location value, in Attio's order; a filter may name any of them. */
  static final List<String> LOCATION_FIELDS =
      List.of(
          "line_1",
          "line_2",
          "line_3",
          "line_4",
          "locality",
          "region",
          "postcode",
          "country_code",
          "latitude",
          "longitude");

  static Normalised location(JsonNode in) {
    if (!in.isObject()) {
      throw ValueInput.type("location", in);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    for (String k : LOCATION_FIELDS) {
      JsonNode v = in.path(k);
      f.put(k, v.isNull() || v.isMissingNode() ? null : v.asString());
    }
    return new Normalised(f, f.toString());
  }
}
