package dev.invoicebridge.sandbox.quickbooks;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Customer and Item creation with QuickBooks' name rules. */
final class NameLists {
  private static final Map<String, String> CURRENCY_NAMES =
      Map.of(
          "USD", "United States Dollar",
          "EUR", "Euro",
          "GBP", "British Pound Sterling",
          "CAD", "Canadian Dollar",
          "AUD", "Australian Dollar");

  private NameLists() {}

  /** The entities whose DisplayName must be unique among them all. */
  private static final java.util.List<String> NAME_LISTS =
      java.util.List.of("Customer", "Vendor", "Employee");

  static ObjectNode createCustomer(SandboxCompany company, ObjectNode body) {
    IntuitSchema.checkRequest("Customer", body);
    String displayName = displayName(body);
    requireUniqueDisplayName(company, displayName, null);
    String currency = body.path("CurrencyRef").path("value").asString(company.homeCurrency());
    checkCurrency(company, currency);
    ObjectNode c = QboExchange.JSON.createObjectNode();
    c.put("Taxable", true);
    c.put("Job", false);
    c.put("BillWithParent", false);
    c.put("Balance", 0);
    c.put("BalanceWithJobs", 0);
    c.put("PreferredDeliveryMethod", "Print");
    c.put("Active", body.path("Active").asBoolean(true));
    copy(
        body, c, "GivenName", "FamilyName", "CompanyName", "PrimaryEmailAddr", "BillAddr", "Notes");
    c.put("DisplayName", displayName);
    c.put("FullyQualifiedName", displayName);
    c.put("PrintOnCheckName", body.path("CompanyName").asString(displayName));
    c.set("CurrencyRef", currencyRef(currency));
    return company.insert("Customer", c);
  }

  /**
   * A vendor or employee, seeded through the control API: the emulator models them only as holders
   * of display names, which customers cannot share.
   */
  static ObjectNode createNameHolder(SandboxCompany company, String entity, ObjectNode body) {
    String displayName = displayName(body);
    requireUniqueDisplayName(company, displayName, null);
    ObjectNode holder = QboExchange.JSON.createObjectNode();
    copy(body, holder, "GivenName", "FamilyName", "CompanyName", "PrimaryEmailAddr");
    holder.put("DisplayName", displayName);
    holder.put("PrintOnCheckName", displayName);
    holder.put("Active", body.path("Active").asBoolean(true));
    return company.insert(entity, holder);
  }

  /** DisplayName is unique across customers (active or not), vendors and employees. */
  static void requireUniqueDisplayName(SandboxCompany company, String name, String selfId) {
    for (String list : NAME_LISTS) {
      company.all(list).values().stream()
          .filter(c -> c.path("DisplayName").asString().equalsIgnoreCase(name))
          .filter(c -> !(list.equals("Customer") && c.path("Id").asString().equals(selfId)))
          .findFirst()
          .ifPresent(
              existing -> {
                throw duplicateName(existing.path("Id").asString());
              });
    }
  }

  static ObjectNode createItem(SandboxCompany company, ObjectNode body) {
    IntuitSchema.checkRequest("Item", body);
    String name = body.path("Name").asString("");
    if (name.isBlank()) {
      throw QboFault.required("Name");
    }
    company.all("Item").values().stream()
        .filter(i -> i.path("Name").asString().equalsIgnoreCase(name))
        .findFirst()
        .ifPresent(
            existing -> {
              throw duplicateName(existing.path("Id").asString());
            });
    String type = body.path("Type").asString("Service");
    String account = body.path("IncomeAccountRef").path("value").asString(null);
    if ((type.equals("Service") || type.equals("NonInventory")) && account == null) {
      throw QboFault.required("IncomeAccountRef");
    }
    ObjectNode income =
        company
            .find("Account", account)
            .filter(a -> a.path("AccountType").asString().equals("Income"))
            .orElseThrow(() -> QboFault.invalidReference("Account", account));
    ObjectNode i = QboExchange.JSON.createObjectNode();
    i.put("Name", name);
    copy(body, i, "Description");
    i.put("Active", true);
    i.put("FullyQualifiedName", name);
    i.put("Taxable", body.path("Taxable").asBoolean(false));
    i.put(
        "UnitPrice",
        body.path("UnitPrice").isNumber()
            ? body.path("UnitPrice").decimalValue()
            : java.math.BigDecimal.ZERO);
    i.put("Type", type);
    i.putObject("IncomeAccountRef")
        .put("value", account)
        .put("name", income.path("Name").asString());
    i.put("PurchaseCost", 0);
    i.put("TrackQtyOnHand", false);
    return company.insert("Item", i);
  }

  static ObjectNode currencyRef(String code) {
    return QboExchange.JSON
        .createObjectNode()
        .put("value", code)
        .put("name", CURRENCY_NAMES.getOrDefault(code, code));
  }

  /** With multicurrency off, only the home currency exists. */
  static void checkCurrency(SandboxCompany company, String currency) {
    if (!company.multiCurrency() && !currency.equals(company.homeCurrency())) {
      throw QboFault.business(
          "Multicurrency is not enabled: "
              + currency
              + " is not the home currency "
              + company.homeCurrency());
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw QboFault.invalidReference("Currency", currency.toLowerCase(Locale.ROOT));
    }
  }

  static String displayName(ObjectNode body) {
    String given = body.path("DisplayName").asString("").trim();
    if (!given.isEmpty()) {
      return given;
    }
    String built =
        (body.path("GivenName").asString("") + " " + body.path("FamilyName").asString("")).trim();
    if (built.isEmpty()) {
      throw QboFault.required("DisplayName");
    }
    return built;
  }

  private static QboFault duplicateName(String existingId) {
    return QboFault.validation(
        "6240",
        "Duplicate Name Exists Error",
        "The name supplied already exists. : Another customer, vendor or employee is already using"
            + " this name. Please use a different name. Id="
            + existingId);
  }

  static void copy(JsonNode from, ObjectNode to, String... fields) {
    for (String f : fields) {
      if (from.has(f) && !from.path(f).isNull()) {
        to.set(f, from.path(f));
      }
    }
  }
}
