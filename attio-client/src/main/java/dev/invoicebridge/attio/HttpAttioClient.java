package dev.invoicebridge.attio;

import dev.invoicebridge.attio.AttioHttp.Call;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@link AttioClient} over the JDK HTTP client: paced under Attio's per-token rate limits, retried
 * only where safe, with bounded timeouts on every call.
 */
public final class HttpAttioClient implements AttioClient {
  private static final Pattern PATH_SEGMENT = Pattern.compile("^[A-Za-z0-9_-]+$");
  private static final int ATTRIBUTE_PAGE = 100;
  private static final int WEBHOOK_PAGE = 100;

  private final AttioHttp http;

  /**
   * @param baseUrl API root, {@code https://api.attio.com} or the sandbox's mount point
   * @param token supplies the bearer token at call time, so a rotated token is picked up
   */
  public HttpAttioClient(URI baseUrl, Supplier<String> token) {
    this(builder(baseUrl, token).settings());
  }

  public HttpAttioClient(AttioClientSettings settings) {
    this.http = new AttioHttp(Objects.requireNonNull(settings, "settings"));
  }

  public static AttioClientSettings.Builder builder(URI baseUrl, Supplier<String> token) {
    return new AttioClientSettings.Builder(baseUrl, token);
  }

  @Override
  public AttioIdentity self() {
    return AttioHttp.JSON.treeToValue(http.send(Call.read("/v2/self")), AttioIdentity.class);
  }

  @Override
  public List<AttioObject> listObjects() {
    return AttioWire.list(read("/v2/objects").path("data"), AttioWire::object);
  }

  @Override
  public AttioObject getObject(String object) {
    return AttioWire.object(read(objectPath(object)).path("data"));
  }

  @Override
  public AttioObject createObject(NewObject object) {
    return AttioWire.object(write("POST", "/v2/objects", AttioBodies.object(object)).path("data"));
  }

  @Override
  public List<AttioAttribute> listAttributes(String object) {
    List<AttioAttribute> all = new ArrayList<>();
    for (int offset = 0; ; offset += ATTRIBUTE_PAGE) {
      List<AttioAttribute> page =
          AttioWire.list(
              read(attributesPath(object)
                      + "?show_archived=true&limit="
                      + ATTRIBUTE_PAGE
                      + "&offset="
                      + offset)
                  .path("data"),
              AttioWire::attribute);
      all.addAll(page);
      if (page.size() < ATTRIBUTE_PAGE) {
        return List.copyOf(all);
      }
    }
  }

  @Override
  public AttioAttribute getAttribute(String object, String attribute) {
    return AttioWire.attribute(read(attributePath(object, attribute)).path("data"));
  }

  @Override
  public AttioAttribute createAttribute(String object, NewAttribute attribute) {
    return AttioWire.attribute(
        write("POST", attributesPath(object), AttioBodies.attribute(attribute)).path("data"));
  }

  @Override
  public AttioAttribute updateAttribute(String object, String attribute, AttributeUpdate update) {
    return AttioWire.attribute(
        write("PATCH", attributePath(object, attribute), AttioBodies.attributeUpdate(update))
            .path("data"));
  }

  @Override
  public List<SelectOption> listSelectOptions(String object, String attribute) {
    return AttioWire.list(
        read(attributePath(object, attribute) + "/options?show_archived=true").path("data"),
        AttioWire::option);
  }

  @Override
  public SelectOption createSelectOption(String object, String attribute, String title) {
    return AttioWire.option(
        write("POST", attributePath(object, attribute) + "/options", AttioBodies.title(title))
            .path("data"));
  }

  @Override
  public SelectOption updateSelectOption(
      String object, String attribute, String option, OptionUpdate update) {
    String path = attributePath(object, attribute) + "/options/" + titleSegment(option);
    // Setting a title or an archived flag ends in the same state however often it is sent, except
    // a rename addressed by the old title: a second attempt would no longer find it.
    boolean safe = update.title() == null || Ids.isUuid(option);
    Call call = new Call("PATCH", path, AttioBodies.optionUpdate(update), true, safe);
    return AttioWire.option(http.send(call).path("data"));
  }

  @Override
  public List<AttioStatus> listStatuses(String object, String attribute) {
    return AttioWire.list(
        read(attributePath(object, attribute) + "/statuses?show_archived=true").path("data"),
        AttioWire::status);
  }

  @Override
  public AttioRecord createRecord(String object, RecordValues values) {
    return AttioWire.record(
        write("POST", recordsPath(object), AttioBodies.values(values)).path("data"));
  }

  @Override
  public AttioRecord getRecord(String object, RecordId id) {
    return AttioWire.record(read(recordPath(object, id)).path("data"));
  }

  @Override
  public List<StoredValue> listRecordValues(
      String object, RecordId id, String attribute, boolean historic) {
    String path =
        recordPath(object, id)
            + "/attributes/"
            + segment(attribute)
            + "/values?show_historic="
            + historic;
    return AttioWire.list(read(path).path("data"), ValueCodec::stored);
  }

  @Override
  public List<AttioRecord> queryRecords(String object, RecordQuery query) {
    // A query is a POST but reads only: it counts as a read and is safe to repeat.
    Call call =
        new Call("POST", recordsPath(object) + "/query", AttioBodies.query(query), false, true);
    return AttioWire.list(http.send(call).path("data"), AttioWire::record);
  }

  @Override
  public AttioRecord assertRecord(String object, String matchingAttribute, RecordValues values) {
    String path =
        recordsPath(object)
            + "?matching_attribute="
            + URLEncoder.encode(segment(matchingAttribute), StandardCharsets.UTF_8);
    // Assert converges on the same record whatever happened before, so repeating it is safe.
    Call call = new Call("PUT", path, AttioBodies.values(values), true, true);
    return AttioWire.record(http.send(call).path("data"));
  }

  @Override
  public AttioRecord updateRecord(
      String object, RecordId id, RecordValues values, UpdateMode mode) {
    // PUT sets the exact values (safe to repeat); PATCH appends to multiselects (not safe).
    Call call =
        mode == UpdateMode.OVERWRITE
            ? new Call("PUT", recordPath(object, id), AttioBodies.values(values), true, true)
            : new Call("PATCH", recordPath(object, id), AttioBodies.values(values), true, false);
    return AttioWire.record(http.send(call).path("data"));
  }

  @Override
  public void deleteRecord(String object, RecordId id) {
    http.send(new Call("DELETE", recordPath(object, id), null, true, true));
  }

  @Override
  public AttioNote createNote(NewNote note) {
    return AttioWire.note(write("POST", "/v2/notes", AttioBodies.note(note)).path("data"));
  }

  @Override
  public AttioTask createTask(NewTask task) {
    return AttioWire.task(write("POST", "/v2/tasks", AttioBodies.task(task)).path("data"));
  }

  @Override
  public List<WorkspaceMember> listWorkspaceMembers() {
    return AttioWire.list(read("/v2/workspace_members").path("data"), AttioWire::member);
  }

  @Override
  public CreatedWebhook createWebhook(NewWebhook webhook) {
    JsonNode data = write("POST", "/v2/webhooks", AttioBodies.webhook(webhook)).path("data");
    return new CreatedWebhook(AttioWire.webhook(data), data.path("secret").asString());
  }

  @Override
  public List<AttioWebhook> listWebhooks() {
    List<AttioWebhook> all = new ArrayList<>();
    for (int offset = 0; ; offset += WEBHOOK_PAGE) {
      List<AttioWebhook> page =
          AttioWire.list(
              read("/v2/webhooks?limit=" + WEBHOOK_PAGE + "&offset=" + offset).path("data"),
              AttioWire::webhook);
      all.addAll(page);
      if (page.size() < WEBHOOK_PAGE) {
        return List.copyOf(all);
      }
    }
  }

  @Override
  public AttioWebhook getWebhook(WebhookId id) {
    return AttioWire.webhook(read("/v2/webhooks/" + id.value()).path("data"));
  }

  @Override
  public void deleteWebhook(WebhookId id) {
    http.send(new Call("DELETE", "/v2/webhooks/" + id.value(), null, true, true));
  }

  private JsonNode read(String path) {
    return http.send(Call.read(path));
  }

  /** A write that is not safe to repeat: creates and appends. */
  private JsonNode write(String method, String path, Object body) {
    return http.send(new Call(method, path, body, true, false));
  }

  private static String objectPath(String object) {
    return "/v2/objects/" + segment(object);
  }

  private static String attributesPath(String object) {
    return objectPath(object) + "/attributes";
  }

  private static String attributePath(String object, String attribute) {
    return attributesPath(object) + "/" + segment(attribute);
  }

  private static String recordsPath(String object) {
    return objectPath(object) + "/records";
  }

  private static String recordPath(String object, RecordId id) {
    return recordsPath(object) + "/" + id.value();
  }

  /** An option id or title as one path segment, percent-encoded so it cannot rewrite the path. */
  private static String titleSegment(String idOrTitle) {
    if (idOrTitle == null || idOrTitle.isBlank()) {
      throw new IllegalArgumentException("an option id or title is required");
    }
    return URLEncoder.encode(idOrTitle, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Slugs and ids only: anything else could rewrite the path. */
  private static String segment(String slugOrId) {
    if (slugOrId == null || !PATH_SEGMENT.matcher(slugOrId).matches()) {
      throw new IllegalArgumentException("not an Attio slug or id: \"" + slugOrId + "\"");
    }
    return slugOrId;
  }
}
