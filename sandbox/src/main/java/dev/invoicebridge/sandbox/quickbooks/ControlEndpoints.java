package dev.invoicebridge.sandbox.quickbooks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sandbox-only controls under {@code /_control} (a path Intuit never uses), authenticated with the
 * app's client credentials: payments, seeding, preferences, faults, webhooks, OAuth counters.
 */
final class ControlEndpoints {
  private static final Pattern COMPANY = Pattern.compile("/_control/companies/(\\d+)/(\\w+)");

  private final QuickBooksSandbox sandbox;

  ControlEndpoints(QuickBooksSandbox sandbox) {
    this.sandbox = sandbox;
  }

  boolean handle(QboExchange ex) {
    if (!ex.path().startsWith("/_control/")) {
      return false;
    }
    if (!sandbox.oauth().controlAuthenticated(ex.header("Authorization").orElse(""))) {
      ex.json(401, Map.of("error", "invalid_client"));
      return true;
    }
    Matcher m = COMPANY.matcher(ex.path());
    if (m.matches() && ex.method().equals("POST")) {
      SandboxCompany company =
          sandbox.company(m.group(1)).orElseThrow(() -> QboFault.notFound("Company", m.group(1)));
      synchronized (company) {
        ex.json(200, companyControl(company, m.group(2), ex.jsonBody()));
      }
      return true;
    }
    switch (ex.method() + " " + ex.path()) {
      case "POST /_control/faults" -> faults(ex.jsonBody());
      case "POST /_control/webhooks" -> subscribe(ex.jsonBody());
      case "POST /_control/webhooks/deliver" -> {
        ex.json(200, Map.of("delivered", sandbox.webhooks().deliver()));
        return true;
      }
      case "POST /_control/oauth/expire-access-tokens" -> sandbox.oauth().expireAccessTokens();
      case "POST /_control/oauth/lifetimes" -> sandbox.tokenLifetimes(lifetimes(ex.jsonBody()));
      case "POST /_control/limits" -> sandbox.throttle().limits(limits(ex.jsonBody()));
      case "DELETE /_control/calls" -> sandbox.calls().clear();
      case "GET /_control/calls" -> {
        ex.json(200, Map.of("calls", calls()));
        return true;
      }
      case "GET /_control/oauth" -> {
        ex.json(
            200,
            Map.of(
                "refreshGrants",
                sandbox.oauth().refreshGrants(),
                "codeGrants",
                sandbox.oauth().codeGrants(),
                "refreshRefusals",
                sandbox.oauth().refreshRefusals()));
        return true;
      }
      default -> {
        ex.json(404, Map.of("error", "unknown control endpoint " + ex.path()));
        return true;
      }
    }
    ex.json(200, Map.of("ok", true));
    return true;
  }

  private Object companyControl(SandboxCompany company, String what, ObjectNode body) {
    return switch (what) {
      case "customers" ->
          ApiEndpoints.wrap(company, "Customer", NameLists.createCustomer(company, body));
      case "vendors" ->
          ApiEndpoints.wrap(company, "Vendor", NameLists.createNameHolder(company, "Vendor", body));
      case "employees" ->
          ApiEndpoints.wrap(
              company, "Employee", NameLists.createNameHolder(company, "Employee", body));
      case "items" -> ApiEndpoints.wrap(company, "Item", NameLists.createItem(company, body));
      case "invoices" -> seedInvoices(company, body);
      case "payments" -> {
        String id = body.path("invoiceId").asString("");
        ObjectNode invoice = company.require("Invoice", id);
        ObjectNode payment =
            InvoiceRules.recordPayment(company, invoice, body.path("amount").decimalValue());
        sandbox.webhooks().changed(company, "Payment", payment.path("Id").asString(), "Create");
        sandbox.webhooks().changed(company, "Invoice", id, "Update");
        yield ApiEndpoints.wrap(company, "Invoice", invoice);
      }
      case "preferences" -> {
        ObjectNode prefs = company.preferences();
        ObjectNode currency = (ObjectNode) prefs.path("CurrencyPrefs");
        if (body.has("multiCurrencyEnabled")) {
          currency.put("MultiCurrencyEnabled", body.path("multiCurrencyEnabled").asBoolean());
        }
        if (body.has("homeCurrency")) {
          currency.putObject("HomeCurrency").put("value", body.path("homeCurrency").asString());
        }
        if (body.has("customTxnNumbers")) {
          ((ObjectNode) prefs.path("SalesFormsPrefs"))
              .put("CustomTxnNumbers", body.path("customTxnNumbers").asBoolean());
        }
        company.touch(prefs);
        yield ApiEndpoints.wrap(company, "Preferences", prefs);
      }
      default ->
          throw QboFault.validation("500", "Unsupported Operation", "Unknown control " + what);
    };
  }

  /** Creates {@code count} copies of {@code invoice} at once, for volume (CDC cap, paging). */
  private static Object seedInvoices(SandboxCompany company, ObjectNode body) {
    int count = Math.min(body.path("count").asInt(1), 5000);
    ObjectNode template = (ObjectNode) body.path("invoice");
    for (int i = 0; i < count; i++) {
      ObjectNode copy = template.deepCopy();
      copy.remove("DocNumber");
      InvoiceRules.create(company, copy);
    }
    return Map.of("created", count);
  }

  /** Lifetimes in seconds; an omitted one keeps its current value. */
  private SandboxSettings.TokenLifetimes lifetimes(JsonNode body) {
    SandboxSettings.TokenLifetimes now = sandbox.oauth().lifetimes();
    return new SandboxSettings.TokenLifetimes(
        seconds(body, "accessTokenSeconds", now.accessToken()),
        seconds(body, "refreshTokenSeconds", now.refreshToken()),
        seconds(body, "hardCapSeconds", now.hardCap()));
  }

  private static Duration seconds(JsonNode body, String field, Duration otherwise) {
    JsonNode n = body.path(field);
    if (n.isMissingNode()) {
      return otherwise;
    }
    if (!n.isIntegralNumber() || n.asLong() < 1) {
      throw QboFault.validation("2010", "Invalid control value", field + " must be positive");
    }
    return Duration.ofSeconds(n.asLong());
  }

  private SandboxSettings.Limits limits(JsonNode body) {
    SandboxSettings.Limits now = sandbox.throttle().limits();
    try {
      return new SandboxSettings.Limits(
          body.path("requestsPerMinute").asInt(now.requestsPerMinute()),
          body.path("concurrent").asInt(now.concurrent()));
    } catch (IllegalArgumentException e) {
      throw QboFault.validation("2010", "Invalid control value", e.getMessage());
    }
  }

  /** The calls answered, without bodies: method, path, query parameters and status. */
  private List<Map<String, Object>> calls() {
    return sandbox.calls().calls().stream()
        .map(
            c ->
                Map.<String, Object>of(
                    "method",
                    c.method(),
                    "path",
                    c.path(),
                    "query",
                    c.query(),
                    "status",
                    c.status()))
        .toList();
  }

  private void faults(JsonNode body) {
    sandbox
        .faults()
        .add(
            new FaultPlan.Injected(
                body.path("status").asInt(500),
                body.path("code").asString(""),
                body.path("path").asString("")),
            body.path("times").asInt(1));
  }

  private void subscribe(JsonNode body) {
    sandbox
        .webhooks()
        .subscribe(
            new WebhookDispatcher.Subscription(
                body.path("url").asString(null),
                WebhookDispatcher.Format.valueOf(
                    body.path("format").asString("cloudevents").toUpperCase(Locale.ROOT)),
                body.path("duplicate").asBoolean(false),
                body.path("reorder").asBoolean(false),
                body.path("automatic").asBoolean(false)));
  }
}
