package dev.invoicebridge.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.intuit.ipp.data.CDCResponse;
import com.intuit.ipp.data.Fault;
import com.intuit.ipp.data.IntuitResponse;
import com.intuit.ipp.data.QueryResponse;
import dev.invoicebridge.sandbox.quickbooks.CallLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one recorded exchange against Intuit's contract: each request body and each response is
 * read with Intuit's entity model (strict: no unknown property, no unknown enum value) and checked
 * against {@link IntuitRequired}. The fixture runs it over every call of a test class.
 */
final class IntuitContract {
  private static final Set<String> ENVELOPE = IntuitModel.names(IntuitResponse.class);
  private static final Set<String> QUERY = IntuitModel.names(QueryResponse.class);
  private static final Set<String> CDC = IntuitModel.names(CDCResponse.class);

  private final List<String> violations = new ArrayList<>();
  private final String where;

  private IntuitContract(String where) {
    this.where = where;
  }

  /** Every violation in {@code calls}, each naming the call. */
  static List<String> violations(List<CallLog.Call> calls) {
    List<String> all = new ArrayList<>();
    for (CallLog.Call call : calls) {
      all.addAll(violations(call));
    }
    return all;
  }

  static List<String> violations(CallLog.Call call) {
    IntuitContract check =
        new IntuitContract(call.method() + " " + call.path() + "?" + call.query());
    check.request(call);
    check.response(call.responseBody());
    return check.violations;
  }

  private void request(CallLog.Call call) {
    String body = call.requestBody();
    if (!call.method().equals("POST") || body == null || body.isBlank()) {
      return;
    }
    String entity = entityOf(call.path());
    if (entity == null) {
      return;
    }
    JsonNode node = tree(body);
    String operation = call.query().getOrDefault("operation", "");
    IntuitRequired.Role role =
        !operation.isEmpty()
            ? IntuitRequired.Role.REFERENCE
            : node.has("Id") ? IntuitRequired.Role.UPDATE : IntuitRequired.Role.CREATE;
    entity("request " + entity, entity, role, node);
  }

  private void response(String body) {
    if (body == null) {
      return;
    }
    JsonNode root = tree(body);
    if (root.has("fault")) {
      // The gateway's lower-case 401 shape is not an IntuitResponse; the client parses both.
      return;
    }
    root.fieldNames()
        .forEachRemaining(
            key -> {
              JsonNode value = root.path(key);
              switch (key) {
                case "time" -> {}
                case "Fault" -> {
                  read("Fault", value, Fault.class);
                  IntuitRequired.missingInFault(value).forEach(m -> fail("Fault lacks " + m));
                }
                case "QueryResponse" -> queryResponse(value);
                case "CDCResponse" -> cdcResponse(value);
                default -> {
                  if (!ENVELOPE.contains(key) && modelClass(key) == null) {
                    fail("envelope key " + key + " is not Intuit's");
                  } else if (modelClass(key) != null) {
                    stored(key, value);
                  }
                }
              }
            });
  }

  private void queryResponse(JsonNode query) {
    query
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (modelClass(key) != null && query.path(key).isArray()) {
                query.path(key).forEach(row -> stored(key, row));
              } else if (!QUERY.contains(key)) {
                fail("QueryResponse key " + key + " is not Intuit's");
              }
            });
  }

  private void cdcResponse(JsonNode cdc) {
    if (!cdc.isArray()) {
      fail("CDCResponse is not an array");
      return;
    }
    for (JsonNode element : cdc) {
      element
          .fieldNames()
          .forEachRemaining(
              k -> {
                if (!CDC.contains(k)) {
                  fail("CDCResponse key " + k + " is not Intuit's");
                }
              });
      if (!element.path("QueryResponse").isArray()) {
        fail("CDCResponse.QueryResponse is not an array");
      }
      element.path("QueryResponse").forEach(this::queryResponse);
    }
  }

  private void stored(String entity, JsonNode node) {
    IntuitRequired.Role role =
        "Deleted".equals(node.path("status").asText())
            ? IntuitRequired.Role.DELETED
            : IntuitRequired.Role.RESPONSE;
    entity("response " + entity, entity, role, node);
  }

  private void entity(String what, String entity, IntuitRequired.Role role, JsonNode node) {
    Class<?> type = modelClass(entity);
    if (type == null) {
      fail(what + ": no Intuit class " + entity);
      return;
    }
    read(what, node, type);
    IntuitRequired.missing(entity, role, node)
        .forEach(m -> fail(what + " (" + role + ") lacks " + m));
  }

  private void read(String what, JsonNode node, Class<?> type) {
    try {
      IntuitModel.readStrict(IntuitModel.write(node), type);
    } catch (AssertionError e) {
      fail(what + ": " + e.getMessage());
    }
  }

  private void fail(String message) {
    violations.add(where + ": " + message);
  }

  /** The entity a write path names: /customer, /item, /invoice (not /invoice/{id}/send). */
  private static String entityOf(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return switch (last) {
      case "customer" -> "Customer";
      case "item" -> "Item";
      case "invoice" -> "Invoice";
      default -> null;
    };
  }

  private static Class<?> modelClass(String entity) {
    return switch (entity) {
      case "Customer" -> com.intuit.ipp.data.Customer.class;
      case "Item" -> com.intuit.ipp.data.Item.class;
      case "Invoice" -> com.intuit.ipp.data.Invoice.class;
      case "Account" -> com.intuit.ipp.data.Account.class;
      case "Payment" -> com.intuit.ipp.data.Payment.class;
      case "CompanyInfo" -> com.intuit.ipp.data.CompanyInfo.class;
      case "Preferences" -> com.intuit.ipp.data.Preferences.class;
      default -> null;
    };
  }

  private static JsonNode tree(String json) {
    return IntuitModel.tree(json);
  }
}
