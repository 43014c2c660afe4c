package dev.invoicebridge.sandbox.quickbooks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Accounting API below {@code /v3/company/{realmId}}: bearer auth (401 code 3200 in the gateway
 * shape), throttling, injected faults, requestid replay, then the entity operations.
 */
final class ApiEndpoints {
  private static final Pattern COMPANY = Pattern.compile("/v3/company/(\\d+)(/.*)");

  private final QuickBooksSandbox sandbox;

  ApiEndpoints(QuickBooksSandbox sandbox) {
    this.sandbox = sandbox;
  }

  boolean handle(QboExchange ex) {
    Matcher m = COMPANY.matcher(ex.path());
    if (!m.matches()) {
      return false;
    }
    String realm = m.group(1);
    Optional<String> allowed = sandbox.oauth().realmFor(ex.bearerToken().orElse(null));
    if (allowed.isEmpty()) {
      ex.header("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"");
      ex.json(401, gatewayAuthFault(sandbox.clock().millis()));
      return true;
    }
    Optional<SandboxCompany> company = sandbox.company(realm);
    if (company.isEmpty() || !allowed.get().equals(realm)) {
      throw new QboFault(
          403,
          "3100",
          "ApplicationAuthorizationFailed",
          "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
          "AuthorizationFault");
    }
    if (!sandbox.throttle().admit(realm)) {
      throw FaultPlan.throttled();
    }
    try {
      serve(ex, company.get(), m.group(2));
    } finally {
      sandbox.throttle().done(realm);
    }
    return true;
  }

  private void serve(QboExchange ex, SandboxCompany company, String path) {
    Optional<FaultPlan.Injected> injected = sandbox.faults().next(path);
    if (injected.isPresent()) {
      QboFault f = FaultPlan.toFault(injected.get());
      // A fault inside an HTTP 200, as QuickBooks sometimes answers.
      ex.json(injected.get().status() == 200 ? 200 : f.status(), f.body(company.nowText()));
      return;
    }
    Optional<String> requestId = ex.query("requestid").filter(id -> ex.method().equals("POST"));
    synchronized (company) {
      Optional<SandboxCompany.Answer> replay = requestId.flatMap(company::answered);
      if (replay.isPresent()) {
        ex.json(replay.get().status(), replay.get().body());
        return;
      }
      if (path.matches("/invoice/\\d+/pdf") && ex.method().equals("GET")) {
        ObjectNode invoice = company.require("Invoice", path.split("/")[2]);
        ex.write(200, "application/pdf", InvoicePdf.render(company, invoice));
        return;
      }
      Object body = route(ex, company, path);
      requestId.ifPresent(id -> company.remember(id, new SandboxCompany.Answer(200, body)));
      ex.json(200, body);
    }
  }

  private Object route(QboExchange ex, SandboxCompany company, String path) {
    String[] parts = path.substring(1).split("/");
    String key =
        ex.method()
            + " "
            + parts[0]
            + (parts.length > 1 ? "/{id}" : "")
            + (parts.length > 2 ? "/" + parts[2] : "");
    return switch (key) {
      case "GET companyinfo/{id}" -> wrap(company, "CompanyInfo", companyInfo(company));
      case "GET preferences" -> wrap(company, "Preferences", company.preferences());
      case "GET query" -> query(company, ex.query("query").orElse(""));
      case "POST query" -> query(company, new String(ex.body(), StandardCharsets.UTF_8));
      case "GET cdc" ->
          ChangeDataCapture.run(
              company, ex.query("entities").orElse(""), ex.query("changedSince").orElse(""));
      case "GET customer/{id}" -> wrap(company, "Customer", company.require("Customer", parts[1]));
      case "GET item/{id}" -> wrap(company, "Item", company.require("Item", parts[1]));
      case "GET invoice/{id}" -> wrap(company, "Invoice", company.require("Invoice", parts[1]));
      case "GET payment/{id}" -> wrap(company, "Payment", company.require("Payment", parts[1]));
      case "POST customer" -> customer(company, ex.jsonBody());
      case "POST item" -> created(company, "Item", NameLists.createItem(company, ex.jsonBody()));
      case "POST invoice" ->
          InvoiceWrites.write(sandbox, company, ex.query("operation").orElse(""), ex.jsonBody());
      case "POST invoice/{id}/send" ->
          InvoiceWrites.send(sandbox, company, parts[1], ex.query("sendTo").orElse(null));
      default ->
          throw QboFault.validation(
              "500",
              "Unsupported Operation",
              "Operation " + ex.method() + " " + path + " is not supported.");
    };
  }

  /** A body with an Id updates the customer; without one it creates a customer. */
  private Object customer(SandboxCompany company, ObjectNode body) {
    if (!body.has("Id")) {
      return created(company, "Customer", NameLists.createCustomer(company, body));
    }
    ObjectNode updated = CustomerUpdates.update(company, body);
    sandbox.webhooks().changed(company, "Customer", updated.path("Id").asString(), "Update");
    return wrap(company, "Customer", updated);
  }

  private Object created(SandboxCompany company, String entity, ObjectNode node) {
    sandbox.webhooks().changed(company, entity, node.path("Id").asString(), "Create");
    return wrap(company, entity, node);
  }

  private static Object query(SandboxCompany company, String statement) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("QueryResponse", QueryEngine.run(company, statement));
    body.put("time", company.responseTime());
    return body;
  }

  static Map<String, Object> wrap(SandboxCompany company, String entity, Object node) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(entity, node);
    body.put("time", company.responseTime());
    return body;
  }

  private static Map<String, Object> companyInfo(SandboxCompany company) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("CompanyName", company.name());
    info.put("LegalName", company.name() + " LLC");
    info.put("Country", "US");
    info.put("Email", Map.of("Address", "books@sandbox.invoicebridge.dev"));
    info.put("SupportedLanguages", "en");
    info.put("domain", "QBO");
    info.put("sparse", false);
    info.put("Id", "1");
    info.put("SyncToken", "0");
    info.put(
        "MetaData", Map.of("CreateTime", company.nowText(), "LastUpdatedTime", company.nowText()));
    return info;
  }

  /** The gateway's lower-case fault shape that QuickBooks sends for an invalid or expired token. */
  private static Map<String, Object> gatewayAuthFault(long nowMillis) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", "message=AuthenticationFailed; errorCode=003200; statusCode=401");
    error.put("detail", "Token expired");
    error.put("code", "3200");
    error.put("element", null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("warnings", null);
    body.put("intuitObject", null);
    body.put("fault", Map.of("error", List.of(error), "type", "AUTHENTICATION"));
    body.put("report", null);
    body.put("queryResponse", null);
    body.put("batchItemResponse", List.of());
    body.put("requestId", null);
    body.put("time", nowMillis);
    body.put("status", null);
    body.put("cdcresponse", List.of());
    return body;
  }
}
