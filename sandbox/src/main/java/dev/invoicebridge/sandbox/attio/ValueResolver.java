package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.RecordModel.RecordData;
import dev.invoicebridge.sandbox.attio.SchemaModel.AttributeDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import dev.invoicebridge.sandbox.attio.SchemaModel.OptionDef;
import dev.invoicebridge.sandbox.attio.ValueInput.Normalised;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Normalises everything written to one attribute: unwraps arrays (only multiselect attributes take
 * several values), resolves select options and statuses by title or id, and record and actor
 * references against the store. Attio never creates what a value refers to.
 */
final class ValueResolver {
  private final AttioStore store;

  ValueResolver(AttioStore store) {
    this.store = store;
  }

  /** The values written to {@code attr}; empty for {@code null} or {@code []} (a clear). */
  List<Normalised> resolve(AttributeDef attr, JsonNode input) {
    List<JsonNode> items = new ArrayList<>();
    if (input.isArray()) {
      input.forEach(items::add);
    } else if (!input.isNull()) {
      items.add(input);
    }
    if (items.size() > 1 && !attr.multiselect) {
      throw AttioProblem.validation(
          "Multiple values were passed for the single-value attribute \"" + attr.slug + "\".");
    }
    List<Normalised> out = new ArrayList<>();
    for (JsonNode item : items) {
      Normalised n = one(attr, item);
      if (out.stream().noneMatch(o -> o.key().equals(n.key()))) {
        out.add(n);
      }
    }
    return out;
  }

  private Normalised one(AttributeDef attr, JsonNode in) {
    return switch (attr.type) {
      case "select" -> option(attr, ValueInput.unwrap(in, "option"), "option");
      case "status" -> option(attr, ValueInput.unwrap(in, "status"), "status");
      case "record-reference" -> reference(attr, in);
      case "actor-reference" -> actor(in);
      default -> ValueInput.scalar(attr, in);
    };
  }

  private Normalised option(AttributeDef attr, JsonNode in, String kind) {
    if (!in.isString()) {
      throw AttioProblem.validation("Invalid value " + in + " for a " + kind + " attribute.");
    }
    OptionDef o =
        attr.option(in.asString())
            .orElseThrow(
                () ->
                    AttioProblem.valueNotFound(
                        "Cannot find "
                            + ("option".equals(kind) ? "select" : "status")
                            + " attribute with "
                            + ("option".equals(kind) ? "select option" : "status")
                            + " title \""
                            + in.asString()
                            + "\"."));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(kind, OptionJson.render(store, attr, o, kind));
    return new Normalised(f, o.id);
  }

  private Normalised reference(AttributeDef attr, JsonNode in) {
    ObjectDef target;
    RecordData record;
    if (in.isString()) {
      if (attr.allowedObjectIds.size() != 1) {
        throw AttioProblem.validation("A reference to several objects needs a target_object.");
      }
      target = store.objectById(attr.allowedObjectIds.get(0));
      record = byPlainString(target, in.asString());
    } else if (in.isObject() && in.path("target_object").isString()) {
      target = store.object(in.get("target_object").asString());
      record =
          in.path("target_record_id").isString()
              ? byId(target, in.get("target_record_id").asString())
              : byMatch(target, in);
    } else {
      throw AttioProblem.validation(
          "Record reference values need target_object and target_record_id.");
    }
    if (!attr.allowedObjectIds.isEmpty() && !attr.allowedObjectIds.contains(target.id)) {
      throw AttioProblem.validation(
          "Records of object \""
              + target.slug
              + "\" cannot be referenced by attribute \""
              + attr.slug
              + "\".");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("target_object", target.slug);
    f.put("target_record_id", record.id);
    return new Normalised(f, target.id + ":" + record.id);
  }

  private RecordData byId(ObjectDef target, String id) {
    RecordData r = store.recordsOf(target).get(id);
    if (r == null) {
      throw AttioProblem.valueNotFound(
          "Cannot find referenced record with ID \""
              + id
              + "\" in object \""
              + target.slug
              + "\".");
    }
    return r;
  }

  /** {@code {"target_object":"people","email_addresses":[{"email_address":"..."}]}}. */
  private RecordData byMatch(ObjectDef target, JsonNode in) {
    for (Map.Entry<String, JsonNode> e : in.properties()) {
      if (e.getKey().equals("target_object")) {
        continue;
      }
      AttributeDef match =
          target
              .attribute(e.getKey())
              .filter(a -> a.unique)
              .orElseThrow(
                  () ->
                      AttioProblem.validation(
                          "Matching attribute \"" + e.getKey() + "\" is not a unique attribute."));
      for (Normalised n : resolve(match, e.getValue())) {
        Optional<RecordData> found = RecordMatcher.byUniqueKey(store, target, match, n.key());
        if (found.isPresent()) {
          return found.get();
        }
      }
      throw AttioProblem.valueNotFound(
          "Cannot find a \"" + target.slug + "\" record matching \"" + e.getKey() + "\".");
    }
    throw AttioProblem.validation(
        "Record reference values need target_record_id or a matching attribute.");
  }

  /** For single-object references: an email names a person, a domain a company, else an id. */
  private RecordData byPlainString(ObjectDef target, String s) {
    String slug =
        target.slug.equals("people")
            ? "email_addresses"
            : target.slug.equals("companies") ? "domains" : null;
    if (slug == null) {
      return byId(target, s);
    }
    AttributeDef match = target.attributes.get(slug);
    String key = ValueInput.scalar(match, StringNode.valueOf(s)).key();
    return RecordMatcher.byUniqueKey(store, target, match, key)
        .orElseThrow(
            () ->
                AttioProblem.valueNotFound(
                    "Cannot find a \"" + target.slug + "\" record matching \"" + s + "\"."));
  }

  private Normalised actor(JsonNode in) {
    String email =
        in.isString() ? in.asString() : in.path("workspace_member_email_address").asString(null);
    String id = in.path("referenced_actor_id").asString(null);
    Map<String, Object> member =
        store.members.stream()
            .filter(m -> m.get("email_address").equals(email) || memberId(m).equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    AttioProblem.valueNotFound(
                        "Cannot find workspace member " + (email != null ? email : id) + "."));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("referenced_actor_type", "workspace-member");
    f.put("referenced_actor_id", memberId(member));
    return new Normalised(f, memberId(member));
  }

  @SuppressWarnings("unchecked")
  private static String memberId(Map<String, Object> member) {
    return (String) ((Map<String, Object>) member.get("id")).get("workspace_member_id");
  }
}
