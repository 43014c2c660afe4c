package dev.invoicebridge.attio.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attio's official OpenAPI 3.1 document as a validator: routes a concrete method and path to its
 * operation by the path templates, and validates request and response bodies against the
 * operation's schemas with the OpenAPI 3.1 JSON Schema dialect (formats asserted).
 */
public final class OpenApiContract {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String DOCUMENT_URI = "https://api.attio.com/openapi/api";

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final List<Template> templates = new ArrayList<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** A path template of the document, such as {@code /v2/objects/{object}/records}. */
  private record Template(String path, Pattern pattern, int literalChars) {}

  private OpenApiContract(String text) {
    this.document = JSON.readTree(text);
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            b -> b.schemas(Map.of(DOCUMENT_URI, text)).schemaRegistryConfig(config));
    for (Iterator<String> it = document.path("paths").propertyNames().iterator(); it.hasNext(); ) {
      String path = it.next();
      String regex = "^" + path.replaceAll("\\{[^}]+}", "[^/]+") + "$";
      templates.add(
          new Template(path, Pattern.compile(regex), path.replaceAll("\\{[^}]+}", "").length()));
    }
  }

  /** Set by CI ({@code -Dinvoicebridge.contract.required=true}): a missing document fails. */
  public static final String REQUIRED_PROPERTY = "invoicebridge.contract.required";

  /** Where the document is looked for, for messages. */
  public static final String WHERE = "<invoicebridge.shared-dir>/specs/attio-openapi.json";

  private static final Map<String, Optional<OpenApiContract>> LOADED = new ConcurrentHashMap<>();

  /**
   * The document at {@code <shared-dir>/specs/attio-openapi.json}, if the shared folder has it;
   * parsed once per folder.
   */
  public static Optional<OpenApiContract> load() {
    String shared = System.getProperty("invoicebridge.shared-dir");
    if (shared == null) {
      return Optional.empty();
    }
    return LOADED.computeIfAbsent(shared, OpenApiContract::read);
  }

  /** Whether this run must have the document (CI), rather than skip the check without it. */
  public static boolean required() {
    return Boolean.getBoolean(REQUIRED_PROPERTY);
  }

  private static Optional<OpenApiContract> read(String shared) {
    Path file = Path.of(shared, "specs", "attio-openapi.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new OpenApiContract(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The operation's path template for a concrete path: the most specific match, so {@code
   * /v2/objects/{object}/records/query} wins over {@code .../records/{record_id}}.
   */
  public Optional<String> template(String method, String path) {
    return templates.stream()
        .filter(t -> t.pattern().matcher(path).matches())
        .filter(t -> document.path("paths").path(t.path()).has(method.toLowerCase(Locale.ROOT)))
        .max(Comparator.comparingInt(Template::literalChars))
        .map(Template::path);
  }

  /** One way an exchange departs from the document. */
  public record Violation(String location, String message, JsonNode value) {
    @Override
    public String toString() {
      return location + ": " + message + (value == null ? "" : " (value " + value + ")");
    }
  }

  /**
   * Violations of the operation's path and query parameters: required ones present, undeclared
   * query parameters absent, each value valid against its schema (coerced from text by type).
   */
  public List<Violation> checkParameters(
      String method, String template, String path, Map<String, String> query) {
    List<Violation> out = new ArrayList<>();
    JsonNode params = document.at(operationPointer(method, template) + "/parameters");
    String[] names = template.split("/");
    String[] values = path.split("/");
    Set<String> declared = new HashSet<>();
    for (int i = 0; i < params.size(); i++) {
      JsonNode p = params.get(i);
      String name = p.path("name").asString();
      String in = p.path("in").asString();
      String value = null;
      if (in.equals("query")) {
        declared.add(name);
        value = query.get(name);
      } else if (in.equals("path")) {
        for (int s = 0; s < names.length && s < values.length; s++) {
          if (names[s].equals("{" + name + "}")) {
            value = values[s];
          }
        }
      } else {
        continue;
      }
      if (value == null) {
        if (p.path("required").asBoolean(false)) {
          out.add(new Violation(in + " " + name, "required parameter missing", null));
        }
        continue;
      }
      String pointer = operationPointer(method, template) + "/parameters/" + i + "/schema";
      JsonNode typed = coerce(value, document.at(pointer).path("type").asString(""));
      validate(pointer, typed)
          .forEach(v -> out.add(new Violation(in + " " + name, v.message(), typed)));
    }
    query.keySet().stream()
        .filter(k -> !declared.contains(k))
        .forEach(k -> out.add(new Violation("query " + k, "parameter is not declared", null)));
    return out;
  }

  private static JsonNode coerce(String value, String type) {
    var nodes = JSON.getNodeFactory();
    try {
      return switch (type) {
        case "integer" -> nodes.numberNode(Long.parseLong(value));
        case "number" -> nodes.numberNode(new BigDecimal(value));
        case "boolean" ->
            value.equals("true") || value.equals("false")
                ? nodes.booleanNode(Boolean.parseBoolean(value))
                : nodes.stringNode(value);
        default -> nodes.stringNode(value);
      };
    } catch (NumberFormatException e) {
      return nodes.stringNode(value);
    }
  }

  /**
   * The request's credentials against the operation's security (its own, else the document's). The
   * document's only scheme is OAuth 2.0, whose access tokens travel as {@code Authorization: Bearer
   * <token>} (RFC 6750); an operation that also allows no security ({@code {}}) may omit it.
   */
  public List<Violation> checkAuthorization(String method, String template, String authorization) {
    JsonNode security = document.at(operationPointer(method, template) + "/security");
    if (security.isMissingNode()) {
      security = document.path("security");
    }
    boolean optional = security.isEmpty();
    boolean bearer = false;
    for (JsonNode requirement : security) {
      optional |= requirement.isEmpty();
      for (String scheme : requirement.propertyNames()) {
        String type =
            document
                .path("components")
                .path("securitySchemes")
                .path(scheme)
                .path("type")
                .asString("");
        String httpScheme =
            document
                .path("components")
                .path("securitySchemes")
                .path(scheme)
                .path("scheme")
                .asString("");
        bearer |=
            type.equals("oauth2") || (type.equals("http") && httpScheme.equalsIgnoreCase("bearer"));
      }
    }
    if (authorization == null) {
      return optional
          ? List.of()
          : List.of(
              new Violation("header Authorization", "required by the operation's security", null));
    }
    if (bearer && !BEARER.matcher(authorization).matches()) {
      String scheme = authorization.split(" ", 2)[0];
      return List.of(
          new Violation(
              "header Authorization",
              "the operation's OAuth 2.0 security needs the Bearer scheme, got \"" + scheme + "\"",
              null));
    }
    return List.of();
  }

  private static final Pattern BEARER = Pattern.compile("^Bearer [A-Za-z0-9._~+/-]+=*$");

  private static final Pattern IMF_FIXDATE =
      Pattern.compile(
          "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
              + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$");

  /**
   * A 429's {@code Retry-After}. The document declares no response headers and no 429; Attio's
   * rate-limiting guide (reference sheet §1.4) says the header is always present and is an HTTP
   * date, whose one sendable form is IMF-fixdate (RFC 9110 §5.6.7).
   */
  public static List<Violation> checkRetryAfter(int status, String retryAfter) {
    if (status != 429) {
      return List.of();
    }
    if (retryAfter == null) {
      return List.of(new Violation("header Retry-After", "missing on a 429", null));
    }
    return IMF_FIXDATE.matcher(retryAfter).matches()
        ? List.of()
        : List.of(
            new Violation(
                "header Retry-After",
                "is not an HTTP date (IMF-fixdate): \"" + retryAfter + "\"",
                null));
  }

  /** Violations of the request body schema (empty when the operation takes no body). */
  public List<Violation> checkRequest(String method, String template, JsonNode body) {
    String op = operationPointer(method, template);
    JsonNode media = document.at(op + "/requestBody/content/application~1json/schema");
    if (media.isMissingNode()) {
      return body == null
          ? List.of()
          : List.of(new Violation("$", "operation takes no JSON body", null));
    }
    if (body == null) {
      return document.at(op + "/requestBody/required").asBoolean(false)
          ? List.of(new Violation("$", "request body is required", null))
          : List.of();
    }
    return validate(op + "/requestBody/content/application~1json/schema", body);
  }

  /** Violations of the response schema for this status (an undocumented status is a violation). */
  public List<Violation> checkResponse(String method, String template, int status, JsonNode body) {
    String op = operationPointer(method, template);
    String response = op + "/responses/" + status;
    if (document.at(response).isMissingNode()) {
      return List.of(new Violation("$", "status " + status + " is not documented", body));
    }
    JsonNode content = document.at(response + "/content/application~1json/schema");
    if (content.isMissingNode()) {
      return List.of();
    }
    return validate(response + "/content/application~1json/schema", body);
  }

  private List<Violation> validate(String pointer, JsonNode instance) {
    Schema schema =
        schemas.computeIfAbsent(
            pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
    List<Violation> out = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      out.add(
          new Violation(e.getInstanceLocation().toString(), e.getMessage(), e.getInstanceNode()));
    }
    return out;
  }

  private static String operationPointer(String method, String template) {
    return "/paths/"
        + template.replace("~", "~0").replace("/", "~1")
        + "/"
        + method.toLowerCase(Locale.ROOT);
  }
}
