package dev.invoicebridge.attio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@link AttioClient} over the JDK HTTP client, with bounded timeouts on every call. */
public final class HttpAttioClient implements AttioClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI baseUrl;
  private final Supplier<String> token;
  private final HttpClient http;

  /**
   * @param baseUrl API root, {@code https://api.attio.com} or the sandbox's mount point
   * @param token supplies the bearer token at call time, so a rotated token is picked up
   */
  public HttpAttioClient(URI baseUrl, Supplier<String> token) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.token = Objects.requireNonNull(token, "token");
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public AttioIdentity self() {
    return JSON.treeToValue(get("/v2/self"), AttioIdentity.class);
  }

  @Override
  public List<AttioObject> listObjects() {
    throw new UnsupportedOperationException("listObjects: being implemented");
  }

  @Override
  public AttioObject getObject(String object) {
    throw new UnsupportedOperationException("getObject: being implemented");
  }

  @Override
  public AttioObject createObject(NewObject object) {
    throw new UnsupportedOperationException("createObject: being implemented");
  }

  @Override
  public List<AttioAttribute> listAttributes(String object) {
    throw new UnsupportedOperationException("listAttributes: being implemented");
  }

  @Override
  public AttioAttribute getAttribute(String object, String attribute) {
    throw new UnsupportedOperationException("getAttribute: being implemented");
  }

  @Override
  public AttioAttribute createAttribute(String object, NewAttribute attribute) {
    throw new UnsupportedOperationException("createAttribute: being implemented");
  }

  @Override
  public AttioAttribute updateAttribute(String object, String attribute, AttributeUpdate update) {
    throw new UnsupportedOperationException("updateAttribute: being implemented");
  }

  @Override
  public List<SelectOption> listSelectOptions(String object, String attribute) {
    throw new UnsupportedOperationException("listSelectOptions: being implemented");
  }

  @Override
  public SelectOption createSelectOption(String object, String attribute, String title) {
    throw new UnsupportedOperationException("createSelectOption: being implemented");
  }

  @Override
  public List<AttioStatus> listStatuses(String object, String attribute) {
    throw new UnsupportedOperationException("listStatuses: being implemented");
  }

  @Override
  public AttioRecord createRecord(String object, RecordValues values) {
    throw new UnsupportedOperationException("createRecord: being implemented");
  }

  @Override
  public AttioRecord getRecord(String object, RecordId id) {
    throw new UnsupportedOperationException("getRecord: being implemented");
  }

  @Override
  public List<AttioRecord> queryRecords(String object, RecordQuery query) {
    throw new UnsupportedOperationException("queryRecords: being implemented");
  }

  @Override
  public AttioRecord assertRecord(String object, String matchingAttribute, RecordValues values) {
    throw new UnsupportedOperationException("assertRecord: being implemented");
  }

  @Override
  public AttioRecord updateRecord(
      String object, RecordId id, RecordValues values, UpdateMode mode) {
    throw new UnsupportedOperationException("updateRecord: being implemented");
  }

  @Override
  public void deleteRecord(String object, RecordId id) {
    throw new UnsupportedOperationException("deleteRecord: being implemented");
  }

  @Override
  public AttioNote createNote(NewNote note) {
    throw new UnsupportedOperationException("createNote: being implemented");
  }

  @Override
  public AttioTask createTask(NewTask task) {
    throw new UnsupportedOperationException("createTask: being implemented");
  }

  @Override
  public List<WorkspaceMember> listWorkspaceMembers() {
    throw new UnsupportedOperationException("listWorkspaceMembers: being implemented");
  }

  @Override
  public CreatedWebhook createWebhook(NewWebhook webhook) {
    throw new UnsupportedOperationException("createWebhook: being implemented");
  }

  @Override
  public List<AttioWebhook> listWebhooks() {
    throw new UnsupportedOperationException("listWebhooks: being implemented");
  }

  @Override
  public AttioWebhook getWebhook(WebhookId id) {
    throw new UnsupportedOperationException("getWebhook: being implemented");
  }

  @Override
  public void deleteWebhook(WebhookId id) {
    throw new UnsupportedOperationException("deleteWebhook: being implemented");
  }

  private JsonNode get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AttioTransientException(
          AttioErrorDetails.noAnswer("connection_error"), "Could not reach Attio", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AttioTransientException(
          AttioErrorDetails.noAnswer("connection_error"), "Interrupted calling Attio", true, e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() >= 400) {
      throw new AttioValidationException(
          new AttioErrorDetails(
              response.statusCode(),
              body.path("type").asString("unknown"),
              body.path("code").asString(null),
              null),
          body.path("message").asString("Attio answered HTTP " + response.statusCode()),
          null);
    }
    return body;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }
}
