package dev.invoicebridge.api;

import dev.invoicebridge.records.RecordBrowser;
import dev.invoicebridge.records.RecordBrowser.ObjectSummary;
import dev.invoicebridge.records.RecordBrowser.RecordPage;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Attio objects and their records, read live: the data behind the record browser and pickers. */
@RestController
class RecordsApi {
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 1_000_000;
  private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private final RecordBrowser browser;

  RecordsApi(RecordBrowser browser) {
    this.browser = browser;
  }

  /** Objects records can be browsed in: people, companies, deals, then custom objects. */
  @GetMapping("/api/v1/objects")
  List<ObjectSummary> objects() {
    return browser.objects(CurrentActor.get().workspaceId());
  }

  /** One page of an object's records, optionally filtered by name, email or domain. */
  @GetMapping("/api/v1/records/{object}")
  RecordPage records(
      @PathVariable String object,
      @RequestParam(required = false) String query,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!OBJECT.matcher(object).matches()) {
      errors.put("object", "must be an Attio object slug or id");
    }
    if (query != null && query.length() > 256) {
      errors.put("query", "must be at most 256 characters");
    }
    int pageSize = parse(limit, 25, 1, MAX_LIMIT, "limit", errors);
    int start = parse(offset, 0, 0, MAX_OFFSET, "offset", errors);
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    return browser.list(CurrentActor.get().workspaceId(), object, query, pageSize, start);
  }

  private static int parse(
      String value, int fallback, int min, int max, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.put(field, "must be a whole number from " + min + " to " + max);
    return fallback;
  }
}
