package dev.invoicebridge.invoicing.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stripe's official fixtures ({@code ../shared/specs/stripe-fixtures3.json}) and a recursive
 * comparison of an object's field set with its fixture: every nested object must have exactly the
 * fixture's keys, lists are compared element by element with the fixture's first element. Where
 * either side is null there is nothing to compare (nullable fields, unexpanded ids).
 */
final class FixtureShapes {
  /**
   * Keys the fixture lacks that Stripe legitimately sends. The fixtures file leaves out properties
   * Stripe's OpenAPI marks optional; each entry says why the key is really there.
   */
  private static final Set<String> OPTIONAL_EXTRA =
      Set.of(
          // pricing.price_details is optional in the OpenAPI schema: present when pricing.type is
          // price_details, i.e. whenever the item has a price (pricing[price] or price_data).
          "invoiceitem.pricing.price_details",
          "line_item.pricing.price_details",
          "invoice.lines.data[].pricing.price_details",
          // previous_attributes is sent only on *.updated events (reference sheet, section 9.2).
          "event.data.previous_attributes");

  /** Free-form maps: their keys are the caller's data, not part of the shape. */
  private static final Set<String> FREE_FORM = Set.of("metadata", "previous_attributes");

  /** Compared on their own: an event's data.object against the fixture of its own type. */
  private static final Set<String> SEPARATE = Set.of("event.data.object");

  private final JsonObject resources;

  private FixtureShapes(JsonObject resources) {
    this.resources = resources;
  }

  /** The fixtures, or empty when ../shared is not beside the repository. */
  static Optional<FixtureShapes> load() {
    String dir = System.getProperty("invoicebridge.shared-dir");
    Path file = dir == null ? null : Path.of(dir, "specs", "stripe-fixtures3.json");
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      return Optional.of(new FixtureShapes(root.getAsJsonObject("resources")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonObject fixture(String type) {
    JsonObject fixture = resources.getAsJsonObject(type);
    if (fixture == null) {
      throw new IllegalArgumentException("No fixture for " + type);
    }
    return fixture;
  }

  /** Every difference between {@code ours} and the fixture of {@code type}, by path. */
  List<String> differences(String type, JsonObject ours) {
    List<String> found = new ArrayList<>();
    compare(type, ours, fixture(type), found);
    return found;
  }

  /** As {@link #differences}, against a given shape (such as the fixture's list envelope). */
  List<String> differences(String path, JsonObject ours, JsonObject shape) {
    List<String> found = new ArrayList<>();
    compare(path, ours, shape, found);
    return found;
  }

  private void compare(String path, JsonElement ours, JsonElement fixture, List<String> found) {
    if (ours == null || ours.isJsonNull() || fixture == null || fixture.isJsonNull()) {
      return;
    }
    if (ours.isJsonObject() != fixture.isJsonObject()
        || ours.isJsonArray() != fixture.isJsonArray()) {
      found.add(path + ": " + kind(ours) + " where the fixture has " + kind(fixture));
      return;
    }
    if (ours.isJsonObject()) {
      compareObjects(path, ours.getAsJsonObject(), fixture.getAsJsonObject(), found);
    } else if (ours.isJsonArray()) {
      JsonArray fixtureItems = fixture.getAsJsonArray();
      if (!fixtureItems.isEmpty()) {
        for (JsonElement item : ours.getAsJsonArray()) {
          compare(path + "[]", item, fixtureItems.get(0), found);
        }
      }
    }
  }

  private void compareObjects(
      String path, JsonObject ours, JsonObject fixture, List<String> found) {
    Set<String> missing = new TreeSet<>(fixture.keySet());
    missing.removeAll(ours.keySet());
    missing.forEach(k -> found.add(path + "." + k + ": missing"));
    Set<String> extra = new TreeSet<>(ours.keySet());
    extra.removeAll(fixture.keySet());
    extra.stream()
        .filter(k -> !OPTIONAL_EXTRA.contains(path + "." + k))
        .forEach(k -> found.add(path + "." + k + ": not in the fixture"));
    for (String key : ours.keySet()) {
      String child = path + "." + key;
      if (fixture.has(key) && !FREE_FORM.contains(key) && !SEPARATE.contains(child)) {
        compare(child, ours.get(key), fixture.get(key), found);
      }
    }
  }

  private static String kind(JsonElement e) {
    return e.isJsonObject() ? "an object" : e.isJsonArray() ? "a list" : "a value";
  }
}
