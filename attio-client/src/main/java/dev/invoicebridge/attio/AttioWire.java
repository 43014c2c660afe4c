package dev.invoicebridge.attio;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** Reads Attio's response bodies into the client's records. */
final class AttioWire {
  private AttioWire() {}

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isString() ? v.asString() : null;
  }

  static Instant instant(JsonNode node) {
    return node.isString() ? Instant.parse(node.asString()) : null;
  }

  static <T> List<T> list(JsonNode array, Function<JsonNode, T> reader) {
    List<T> out = new ArrayList<>();
    array.forEach(n -> out.add(reader.apply(n)));
    return List.copyOf(out);
  }

  static AttioObject object(JsonNode n) {
    return new AttioObject(
        new ObjectId(n.path("id").path("object_id").asString()),
        n.path("api_slug").asString(),
        text(n, "singular_noun"),
        text(n, "plural_noun"),
        instant(n.path("created_at")));
  }

  static AttioAttribute attribute(JsonNode n) {
    JsonNode id = n.path("id");
    JsonNode config = n.path("config");
    List<ObjectId> allowed = new ArrayList<>();
    config
        .path("record_reference")
        .path("allowed_object_ids")
        .forEach(o -> allowed.add(new ObjectId(o.asString())));
    return new AttioAttribute(
        new AttioAttribute.AttributeKey(
            new ObjectId(id.path("object_id").asString()),
            new AttributeId(id.path("attribute_id").asString())),
        text(n, "title"),
        text(n, "description"),
        n.path("api_slug").asString(),
        AttributeType.fromWire(n.path("type").asString()),
        new AttributeFlags(
            n.path("is_system_attribute").asBoolean(),
            n.path("is_writable").asBoolean(true),
            n.path("is_required").asBoolean(),
            n.path("is_unique").asBoolean(),
            n.path("is_multiselect").asBoolean(),
            n.path("is_archived").asBoolean()),
        text(config.path("currency"), "default_currency_code"),
        allowed,
        instant(n.path("created_at")));
  }

  static SelectOption option(JsonNode n) {
    return new SelectOption(
        new OptionId(n.path("id").path("option_id").asString()),
        n.path("title").asString(),
        n.path("is_archived").asBoolean());
  }

  static AttioStatus status(JsonNode n) {
    return new AttioStatus(
        new StatusId(n.path("id").path("status_id").asString()),
        n.path("title").asString(),
        n.path("is_archived").asBoolean());
  }

  static AttioRecord record(JsonNode n) {
    JsonNode id = n.path("id");
    return new AttioRecord(
        new RecordId(id.path("record_id").asString()),
        new ObjectId(id.path("object_id").asString()),
        instant(n.path("created_at")),
        text(n, "web_url"),
        ValueCodec.readAll(n.path("values")));
  }

  static AttioNote note(JsonNode n) {
    return new AttioNote(
        new NoteId(n.path("id").path("note_id").asString()),
        text(n, "parent_object"),
        n.path("parent_record_id").isString()
            ? new RecordId(n.path("parent_record_id").asString())
            : null,
        text(n, "title"),
        text(n, "content_plaintext"),
        instant(n.path("created_at")));
  }

  static AttioTask task(JsonNode n) {
    return new AttioTask(
        new TaskId(n.path("id").path("task_id").asString()),
        text(n, "content_plaintext"),
        instant(n.path("deadline_at")),
        n.path("is_completed").asBoolean(),
        list(
            n.path("linked_records"),
            l ->
                new LinkedRecord(
                    l.path("target_object_id").asString(),
                    new RecordId(l.path("target_record_id").asString()))),
        list(
            n.path("assignees"),
            a -> new WorkspaceMemberId(a.path("referenced_actor_id").asString())),
        instant(n.path("created_at")));
  }

  static AttioWebhook webhook(JsonNode n) {
    return new AttioWebhook(
        new WebhookId(n.path("id").path("webhook_id").asString()),
        URI.create(n.path("target_url").asString()),
        list(n.path("subscriptions"), AttioWire::subscription),
        text(n, "status"),
        instant(n.path("created_at")));
  }

  private static WebhookSubscription subscription(JsonNode n) {
    JsonNode filter = n.path("filter");
    Map<String, Object> f =
        filter.isObject()
            ? AttioHttp.JSON.convertValue(
                filter, new TypeReference<LinkedHashMap<String, Object>>() {})
            : null;
    return new WebhookSubscription(n.path("event_type").asString(), f);
  }

  static WorkspaceMember member(JsonNode n) {
    return new WorkspaceMember(
        new WorkspaceMemberId(n.path("id").path("workspace_member_id").asString()),
        text(n, "first_name"),
        text(n, "last_name"),
        text(n, "email_address"),
        text(n, "access_level"));
  }
}
