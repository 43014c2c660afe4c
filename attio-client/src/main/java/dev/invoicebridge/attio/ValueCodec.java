package dev.invoicebridge.attio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** Attribute values between the typed model and Attio's read and write shapes. */
final class ValueCodec {
  private static final Set<String> COMMON =
      Set.of("active_from", "active_until", "created_by_actor", "attribute_type");

  private ValueCodec() {}

  /** The write shape: always the object form, which Attio accepts for every attribute. */
  static Object write(AttioValue value) {
    return switch (value) {
      case AttioValue.Text t -> Map.of("value", t.value());
      case AttioValue.Number n -> Map.of("value", n.value());
      case AttioValue.Checkbox c -> Map.of("value", c.value());
      case AttioValue.Currency c -> Map.of("currency_value", c.amount());
      case AttioValue.Date d -> Map.of("value", d.value().toString());
      case AttioValue.Timestamp t -> Map.of("value", t.value().toString());
      case AttioValue.Select s ->
          Map.of("option", s.optionId() != null ? s.optionId().value() : s.title());
      case AttioValue.Status s ->
          Map.of("status", s.statusId() != null ? s.statusId().value() : s.title());
      case AttioValue.RecordReference r ->
          Map.of("target_object", r.targetObject(), "target_record_id", r.targetRecordId().value());
      case AttioValue.ActorReference a -> actor(a);
      case AttioValue.EmailAddress e -> Map.of("email_address", e.emailAddress());
      case AttioValue.PersonalName p ->
          Map.of("first_name", p.firstName(), "last_name", p.lastName(), "full_name", p.fullName());
      case AttioValue.Domain d -> Map.of("domain", d.domain());
      case AttioValue.PhoneNumber p -> phone(p);
      case AttioValue.Other o -> o.fields();
    };
  }

  /** A whole {@code values} map in the write shape: every attribute as an array. */
  static Map<String, Object> write(RecordValues values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values
        .values()
        .forEach((slug, list) -> out.put(slug, list.stream().map(ValueCodec::write).toList()));
    return out;
  }

  /** By email when one is given (Attio resolves the member), else by type and id. */
  private static Map<String, Object> actor(AttioValue.ActorReference a) {
    return a.memberEmail() != null
        ? Map.of("workspace_member_email_address", a.memberEmail())
        : Map.of("referenced_actor_type", a.actorType(), "referenced_actor_id", a.actorId());
  }

  private static Map<String, Object> phone(AttioValue.PhoneNumber p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("original_phone_number", p.originalPhoneNumber());
    m.put("country_code", p.countryCode());
    return m;
  }

  /** A record's {@code values} map in the read shape. */
  static Map<String, List<StoredValue>> readAll(JsonNode values) {
    Map<String, List<StoredValue>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : values.properties()) {
      List<StoredValue> list = new ArrayList<>();
      e.getValue().forEach(v -> list.add(stored(v)));
      out.put(e.getKey(), List.copyOf(list));
    }
    return out;
  }

  static StoredValue stored(JsonNode v) {
    JsonNode actor = v.path("created_by_actor");
    return new StoredValue(
        read(v),
        AttioWire.instant(v.path("active_from")),
        AttioWire.instant(v.path("active_until")),
        actor.isObject()
            ? new Actor(AttioWire.text(actor, "type"), AttioWire.text(actor, "id"))
            : null);
  }

  /** One value in the read shape, by its {@code attribute_type}. */
  static AttioValue read(JsonNode v) {
    String type = v.path("attribute_type").asString("");
    return switch (type) {
      case "text" -> new AttioValue.Text(v.path("value").asString());
      case "number" -> new AttioValue.Number(v.path("value").decimalValue());
      case "checkbox" -> new AttioValue.Checkbox(v.path("value").asBoolean());
      case "currency" ->
          new AttioValue.Currency(
              v.path("currency_value").decimalValue(), AttioWire.text(v, "currency_code"));
      case "date" -> new AttioValue.Date(LocalDate.parse(v.path("value").asString()));
      case "timestamp" -> new AttioValue.Timestamp(Instant.parse(v.path("value").asString()));
      case "select" -> select(v.path("option"));
      case "status" -> status(v.path("status"));
      case "record-reference" ->
          new AttioValue.RecordReference(
              v.path("target_object").asString(),
              new RecordId(v.path("target_record_id").asString()));
      case "actor-reference" -> actor(v);
      case "email-address" -> new AttioValue.EmailAddress(v.path("email_address").asString());
      case "personal-name" ->
          new AttioValue.PersonalName(
              v.path("first_name").asString(""),
              v.path("last_name").asString(""),
              v.path("full_name").asString(""));
      case "domain" ->
          new AttioValue.Domain(v.path("domain").asString(), AttioWire.text(v, "root_domain"));
      case "phone-number" ->
          new AttioValue.PhoneNumber(
              v.path("original_phone_number").asString(""),
              AttioWire.text(v, "country_code"),
              AttioWire.text(v, "phone_number"));
      default -> other(type, v);
    };
  }

  private static AttioValue actor(JsonNode v) {
    String type = AttioWire.text(v, "referenced_actor_type");
    String id = AttioWire.text(v, "referenced_actor_id");
    return type == null || id == null
        ? other("actor-reference", v)
        : new AttioValue.ActorReference(type, id, null);
  }

  // Attio's schema allows an option or status to arrive as a bare id instead of the full object.
  private static AttioValue select(JsonNode option) {
    if (option.isString()) {
      return new AttioValue.Select(new OptionId(option.asString()), null);
    }
    return new AttioValue.Select(
        new OptionId(option.path("id").path("option_id").asString()),
        AttioWire.text(option, "title"));
  }

  private static AttioValue status(JsonNode status) {
    if (status.isString()) {
      return new AttioValue.Status(new StatusId(status.asString()), null);
    }
    return new AttioValue.Status(
        new StatusId(status.path("id").path("status_id").asString()),
        AttioWire.text(status, "title"));
  }

  private static AttioValue other(String type, JsonNode v) {
    Map<String, Object> fields =
        AttioHttp.JSON.convertValue(v, new TypeReference<Map<String, Object>>() {});
    Map<String, Object> own = new LinkedHashMap<>();
    fields.forEach(
        (k, val) -> {
          if (!COMMON.contains(k) && val != null) {
            own.put(k, val);
          }
        });
    return new AttioValue.Other(type.isEmpty() ? "unknown" : type, own);
  }
}
