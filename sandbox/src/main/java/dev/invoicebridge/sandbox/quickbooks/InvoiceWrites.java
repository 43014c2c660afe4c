package dev.invoicebridge.sandbox.quickbooks;

import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /invoice in its forms (create, sparse/full update, void, delete) and send, with webhooks.
 */
final class InvoiceWrites {
  private InvoiceWrites() {}

  static Object write(
      QuickBooksSandbox sandbox, SandboxCompany company, String operation, ObjectNode body) {
    if (operation.isEmpty() && !body.has("Id")) {
      ObjectNode created = InvoiceRules.create(company, body);
      sandbox.webhooks().changed(company, "Invoice", created.path("Id").asString(), "Create");
      return ApiEndpoints.wrap(company, "Invoice", created);
    }
    String id = body.path("Id").asString("");
    if (id.isEmpty()) {
      throw QboFault.required("Id");
    }
    if (!body.has("SyncToken")) {
      throw QboFault.required("SyncToken");
    }
    ObjectNode stored = company.require("Invoice", id);
    if (!stored.path("SyncToken").asString().equals(body.path("SyncToken").asString())) {
      throw QboFault.stale();
    }
    switch (operation) {
      case "" -> {
        InvoiceRules.update(company, stored, body);
        sandbox.webhooks().changed(company, "Invoice", id, "Update");
      }
      case "void" -> {
        InvoiceRules.voidInvoice(company, stored);
        sandbox.webhooks().changed(company, "Invoice", id, "Void");
      }
      case "delete" -> {
        company.delete("Invoice", id);
        sandbox.webhooks().changed(company, "Invoice", id, "Delete");
        return ApiEndpoints.wrap(
            company, "Invoice", Map.of("status", "Deleted", "domain", "QBO", "Id", id));
      }
      default ->
          throw QboFault.validation(
              "2010",
              "Request has invalid or unsupported property",
              "Unsupported operation: " + operation);
    }
    return ApiEndpoints.wrap(company, "Invoice", stored);
  }

  static Object send(QuickBooksSandbox sandbox, SandboxCompany company, String id, String sendTo) {
    ObjectNode stored = company.require("Invoice", id);
    InvoiceRules.send(company, stored, sendTo);
    sandbox.webhooks().changed(company, "Invoice", id, "Emailed");
    return ApiEndpoints.wrap(company, "Invoice", stored);
  }
}
