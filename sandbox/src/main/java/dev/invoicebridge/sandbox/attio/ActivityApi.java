package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.attio.SchemaModel.ObjectDef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Notes and tasks on records, and the workspace's members. */
final class ActivityApi {
  private final AttioStore store;

  ActivityApi(AttioStore store) {
    this.store = store;
  }

  void register(AttioRoutes routes) {
    routes
        .write("POST", "/v2/notes", this::createNote)
        .get(
            "/v2/notes/{note_id}",
            c -> Map.of("data", found(store.notes, c.param("note_id"), "Note")))
        .write("POST", "/v2/tasks", this::createTask)
        .get(
            "/v2/tasks/{task_id}",
            c -> Map.of("data", found(store.tasks, c.param("task_id"), "Task")))
        .get("/v2/workspace_members", c -> Map.of("data", List.copyOf(store.members)))
        .get("/v2/workspace_members/{workspace_member_id}", this::member);
  }

  private Object createNote(AttioCall call) {
    JsonNode d = call.data();
    ObjectDef parent = store.object(d.path("parent_object").asString(""));
    String recordId = d.path("parent_record_id").asString("");
    store.record(parent, recordId);
    String format = d.path("format").asString("");
    if (!format.equals("plaintext") && !format.equals("markdown")
        || !d.path("title").isString()
        || !d.path("content").isString()) {
      throw AttioProblem.validation(
          "title, content and format (plaintext or markdown) are required.");
    }
    String id = AttioStore.newId();
    String content = d.get("content").asString();
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("id", Map.of("workspace_id", store.workspace.id(), "note_id", id));
    note.put("parent_object", parent.slug);
    note.put("parent_record_id", recordId);
    note.put("title", d.get("title").asString());
    note.put("meeting_id", null);
    note.put(
        "content_plaintext",
        format.equals("markdown") ? content.replaceAll("[*_#>`~]", "") : content);
    note.put("content_markdown", content);
    note.put("tags", List.of());
    note.put("created_by_actor", store.tokenActor());
    note.put("created_at", AttioTime.format(store.now()));
    store.notes.put(id, note);
    call.events.add(
        event("note.created", Map.of("workspace_id", store.workspace.id(), "note_id", id)));
    return Map.of("data", note);
  }

  private Object createTask(AttioCall call) {
    JsonNode d = call.data();
    String content = d.path("content").asString("");
    if (content.isEmpty()
        || content.length() > 2000
        || !"plaintext".equals(d.path("format").asString(""))) {
      throw AttioProblem.validation(
          "content (1 to 2000 characters) and format plaintext are required.");
    }
    List<Map<String, Object>> links = new ArrayList<>();
    for (JsonNode l : d.path("linked_records")) {
      ObjectDef o =
          store
              .findObject(l.path("target_object").asString(""))
              .orElseThrow(
                  () ->
                      AttioProblem.validation(
                          "Only standard or custom object records can be linked to."));
      store.record(o, l.path("target_record_id").asString(""));
      links.add(
          Map.of(
              "target_object_id", o.id, "target_record_id", l.path("target_record_id").asString()));
    }
    List<Map<String, Object>> assignees = new ArrayList<>();
    for (JsonNode a : d.path("assignees")) {
      assignees.add(
          Map.of("referenced_actor_type", "workspace-member", "referenced_actor_id", assignee(a)));
    }
    String id = AttioStore.newId();
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", Map.of("workspace_id", store.workspace.id(), "task_id", id));
    task.put("content_plaintext", content);
    task.put("deadline_at", deadline(d.path("deadline_at")));
    task.put("is_completed", d.path("is_completed").asBoolean(false));
    task.put("linked_records", links);
    task.put("assignees", assignees);
    task.put("created_by_actor", store.tokenActor());
    task.put("created_at", AttioTime.format(store.now()));
    store.tasks.put(id, task);
    call.events.add(
        event("task.created", Map.of("workspace_id", store.workspace.id(), "task_id", id)));
    return Map.of("data", task);
  }

  private static String deadline(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    try {
      Instant at = OffsetDateTime.parse(n.asString("")).toInstant();
      return AttioTime.format(at);
    } catch (DateTimeParseException e) {
      throw AttioProblem.validation("deadline_at must be an ISO 8601 timestamp.");
    }
  }

  @SuppressWarnings("unchecked")
  private String assignee(JsonNode a) {
    String email = a.path("workspace_member_email_address").asString(null);
    String id = a.path("referenced_actor_id").asString(null);
    for (Map<String, Object> m : store.members) {
      Map<String, Object> mid = (Map<String, Object>) m.get("id");
      if (m.get("email_address").equals(email) || mid.get("workspace_member_id").equals(id)) {
        return (String) mid.get("workspace_member_id");
      }
    }
    throw AttioProblem.valueNotFound(
        "Cannot find workspace member " + (email != null ? email : id) + ".");
  }

  @SuppressWarnings("unchecked")
  private Object member(AttioCall call) {
    String id = call.param("workspace_member_id");
    return store.members.stream()
        .filter(m -> ((Map<String, Object>) m.get("id")).get("workspace_member_id").equals(id))
        .findFirst()
        .map(m -> Map.of("data", m))
        .orElseThrow(
            () -> AttioProblem.notFound("Workspace member with ID \"" + id + "\" not found."));
  }

  private static Map<String, Object> found(
      Map<String, Map<String, Object>> items, String id, String what) {
    Map<String, Object> item = items.get(id);
    if (item == null) {
      throw AttioProblem.notFound(what + " with ID \"" + id + "\" not found.");
    }
    return item;
  }

  private Map<String, Object> event(String type, Map<String, Object> id) {
    return Map.of("event_type", type, "id", id, "actor", store.tokenActor());
  }
}
