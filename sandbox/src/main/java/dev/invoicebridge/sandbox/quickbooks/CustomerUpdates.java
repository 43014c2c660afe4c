package dev.invoicebridge.sandbox.quickbooks;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /customer} with an Id: a sparse or full update under the SyncToken rule. CurrencyRef
 * cannot change once set, and DisplayName stays unique across customers, vendors and employees.
 */
final class CustomerUpdates {
  /** What a client may change; balances, MetaData and the currency are QuickBooks'. */
  private static final String[] WRITABLE = {
    "DisplayName",
    "GivenName",
    "FamilyName",
    "CompanyName",
    "PrimaryEmailAddr",
    "BillAddr",
    "Notes",
    "Active",
    "PrimaryPhone",
    "PreferredDeliveryMethod",
    "Taxable"
  };

  private CustomerUpdates() {}

  static ObjectNode update(SandboxCompany company, ObjectNode body) {
    IntuitSchema.checkRequest("Customer", body);
    String id = body.path("Id").asString("");
    if (!body.has("SyncToken")) {
      throw QboFault.required("SyncToken");
    }
    ObjectNode stored = company.require("Customer", id);
    if (!stored.path("SyncToken").asString().equals(body.path("SyncToken").asString())) {
      throw QboFault.stale();
    }
    String currency = stored.path("CurrencyRef").path("value").asString();
    if (body.has("CurrencyRef")
        && !body.path("CurrencyRef").path("value").asString(currency).equals(currency)) {
      throw QboFault.business("The currency of a customer cannot be changed once it is set");
    }
    ObjectNode next = stored.deepCopy();
    if (!body.path("sparse").asBoolean(false)) {
      for (String f : WRITABLE) {
        next.remove(f);
      }
      next.put("DisplayName", NameLists.displayName(body));
      next.put("Active", true);
    }
    NameLists.copy(body, next, WRITABLE);
    String name = next.path("DisplayName").asString("");
    if (name.isBlank()) {
      throw QboFault.required("DisplayName");
    }
    NameLists.requireUniqueDisplayName(company, name, id);
    next.put("FullyQualifiedName", name);
    stored.removeAll();
    stored.setAll(next);
    company.touch(stored);
    return stored;
  }
}
