package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.OptionDef;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Select options and statuses of an attribute; never deleted, only archived. */
final class OptionApi {
  private final AttioStore store;

  OptionApi(AttioStore store) {
    this.store = store;
  }

  void register(AttioRoutes routes) {
    String base = "/v2/{target}/{identifier}/attributes/{attribute}";
    routes
        .get(base + "/options", c -> list(c, "select", "option"))
        .write("POST", base + "/options", c -> create(c, "select", "option"))
        .write("PATCH", base + "/options/{option}", c -> update(c, "select", "option"))
        .get(base + "/statuses", c -> list(c, "status", "status"))
        .write("POST", base + "/statuses", c -> create(c, "status", "status"))
        .write("PATCH", base + "/statuses/{status}", c -> update(c, "status", "status"));
  }

  private AttributeDef attribute(AttioCall call, String type) {
    AttributeDef a = SchemaApi.attribute(store, call);
    if (!type.equals(a.type)) {
      throw AttioProblem.validation("This attribute is not a " + type + " attribute.");
    }
    return a;
  }

  private Object list(AttioCall call, String type, String kind) {
    AttributeDef a = attribute(call, type);
    boolean archived = "true".equals(call.query.get("show_archived"));
    return Map.of(
        "data",
        a.options.stream()
            .filter(o -> archived || !o.archived)
            .map(o -> OptionJson.render(store, a, o, kind))
            .toList());
  }

  private Object create(AttioCall call, String type, String kind) {
    AttributeDef a = attribute(call, type);
    JsonNode d = call.data();
    String title = d.path("title").asString("");
    if (title.isBlank()) {
      throw AttioProblem.validation("title is required.");
    }
    if (a.options.stream().anyMatch(o -> o.title.equals(title))) {
      throw AttioProblem.slugConflict(
          "There is already another "
              + ("option".equals(kind) ? "select option" : "status")
              + " with the title \""
              + title
              + "\".");
    }
    OptionDef o = new OptionDef(AttioStore.newId(), title);
    o.celebrationEnabled = d.path("celebration_enabled").asBoolean(false);
    o.targetTimeInStatus =
        d.path("target_time_in_status").isString()
            ? d.get("target_time_in_status").asString()
            : null;
    a.options.add(o);
    return Map.of("data", OptionJson.render(store, a, o, kind));
  }

  private Object update(AttioCall call, String type, String kind) {
    AttributeDef a = attribute(call, type);
    String key = call.param(kind);
    OptionDef o =
        a.option(key)
            .orElseThrow(
                () ->
                    AttioProblem.notFound(
                        ("option".equals(kind) ? "Select option" : "Status")
                            + " \""
                            + key
                            + "\" not found."));
    JsonNode d = call.data();
    if (d.has("title")) {
      String title = d.get("title").asString("");
      if (a.options.stream().anyMatch(x -> x != o && x.title.equals(title))) {
        throw AttioProblem.slugConflict(
            "There is already another option with the title \"" + title + "\".");
      }
      o.title = title;
    }
    if (d.has("is_archived")) {
      o.archived = d.get("is_archived").asBoolean();
    }
    return Map.of("data", OptionJson.render(store, a, o, kind));
  }
}
