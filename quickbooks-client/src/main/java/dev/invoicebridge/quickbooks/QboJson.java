package dev.invoicebridge.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Translates between QuickBooks' capitalised JSON and the client's records. */
final class QboJson {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private QboJson() {}

  static Customer customer(JsonNode n) {
    return new Customer(
        new CustomerId(n.path("Id").asString()),
        n.path("SyncToken").asString(null),
        n.path("DisplayName").asString(),
        text(n.path("PrimaryEmailAddr").path("Address")),
        text(n.path("CurrencyRef").path("value")),
        n.path("Active").asBoolean(true),
        decimal(n.path("Balance")));
  }

  static ObjectNode customerBody(NewCustomer c) {
    ObjectNode body = JSON.createObjectNode();
    body.put("DisplayName", c.displayName());
    putIfPresent(body, "CompanyName", c.companyName());
    if (c.email() != null) {
      body.putObject("PrimaryEmailAddr").put("Address", c.email());
    }
    if (c.currency() != null) {
      body.putObject("CurrencyRef").put("value", c.currency());
    }
    return body;
  }

  /** Reactivates a customer: a sparse update of Active under its SyncToken. */
  static ObjectNode reactivateBody(Customer c) {
    ObjectNode body = JSON.createObjectNode();
    body.put("Id", c.id().value());
    body.put("SyncToken", c.syncToken());
    body.put("sparse", true);
    body.put("Active", true);
    return body;
  }

  /** A service item billed to the income account {@code incomeAccountId}. */
  static ObjectNode itemBody(String name, String incomeAccountId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("Name", name);
    body.put("Type", "Service");
    body.putObject("IncomeAccountRef").put("value", incomeAccountId);
    return body;
  }

  static Item item(JsonNode n) {
    return new Item(
        new ItemId(n.path("Id").asString()),
        n.path("Name").asString(),
        n.path("Type").asString(null),
        text(n.path("IncomeAccountRef").path("value")),
        decimal(n.path("UnitPrice")));
  }

  static Preferences preferences(JsonNode n) {
    JsonNode currency = n.path("CurrencyPrefs");
    return new Preferences(
        currency.path("MultiCurrencyEnabled").asBoolean(false),
        currency.path("HomeCurrency").path("value").asString("USD"),
        n.path("SalesFormsPrefs").path("CustomTxnNumbers").asBoolean(false));
  }

  static Invoice invoice(JsonNode n) {
    List<InvoiceLine> lines = new ArrayList<>();
    for (JsonNode line : n.path("Line")) {
      if ("SalesItemLineDetail".equals(line.path("DetailType").asString())) {
        JsonNode d = line.path("SalesItemLineDetail");
        lines.add(
            new InvoiceLine(
                text(line.path("Id")),
                new ItemId(d.path("ItemRef").path("value").asString()),
                text(line.path("Description")),
                decimal(d.path("Qty")),
                decimal(d.path("UnitPrice"))));
      }
    }
    String updated = n.path("MetaData").path("LastUpdatedTime").asString(null);
    String customer = text(n.path("CustomerRef").path("value"));
    return new Invoice(
        new InvoiceId(n.path("Id").asString()),
        n.path("SyncToken").asString(null),
        text(n.path("DocNumber")),
        customer == null ? null : new CustomerId(customer),
        new Invoice.InvoiceAmounts(
            text(n.path("CurrencyRef").path("value")),
            decimal(n.path("TotalAmt")),
            decimal(n.path("Balance"))),
        new Invoice.InvoiceDetails(
            date(n.path("TxnDate")),
            date(n.path("DueDate")),
            text(n.path("BillEmail").path("Address")),
            text(n.path("CustomerMemo").path("value")),
            text(n.path("PrivateNote")),
            text(n.path("EmailStatus"))),
        lines,
        updated == null ? null : OffsetDateTime.parse(updated));
  }

  static ObjectNode invoiceBody(NewInvoice i) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("CustomerRef").put("value", i.customerId().value());
    putIfPresent(body, "DocNumber", i.docNumber());
    if (i.dueDate() != null) {
      body.put("DueDate", i.dueDate().toString());
    }
    if (i.billEmail() != null) {
      body.putObject("BillEmail").put("Address", i.billEmail());
    }
    if (i.currency() != null) {
      body.putObject("CurrencyRef").put("value", i.currency());
    }
    if (i.exchangeRate() != null) {
      body.put("ExchangeRate", i.exchangeRate());
    }
    if (i.customerMemo() != null) {
      body.putObject("CustomerMemo").put("value", i.customerMemo());
    }
    putIfPresent(body, "PrivateNote", i.privateNote());
    body.set("Line", lines(i.lines()));
    return body;
  }

  static ObjectNode patchBody(InvoiceId id, String syncToken, InvoicePatch p) {
    ObjectNode body = JSON.createObjectNode();
    body.put("Id", id.value());
    body.put("SyncToken", syncToken);
    body.put("sparse", true);
    if (p.dueDate() != null) {
      body.put("DueDate", p.dueDate().toString());
    }
    if (p.customerMemo() != null) {
      body.putObject("CustomerMemo").put("value", p.customerMemo());
    }
    if (p.billEmail() != null) {
      body.putObject("BillEmail").put("Address", p.billEmail());
    }
    putIfPresent(body, "PrivateNote", p.privateNote());
    if (p.lines() != null) {
      body.set("Line", lines(p.lines()));
    }
    return body;
  }

  static ObjectNode reference(String id, String syncToken) {
    ObjectNode body = JSON.createObjectNode();
    body.put("Id", id);
    body.put("SyncToken", syncToken);
    return body;
  }

  private static ArrayNode lines(List<InvoiceLine> lines) {
    ArrayNode array = JSON.createArrayNode();
    for (InvoiceLine l : lines) {
      ObjectNode line = array.addObject();
      putIfPresent(line, "Id", l.id());
      line.put("DetailType", "SalesItemLineDetail");
      line.put("Amount", l.amount());
      putIfPresent(line, "Description", l.description());
      ObjectNode detail = line.putObject("SalesItemLineDetail");
      detail.putObject("ItemRef").put("value", l.itemId().value());
      detail.put("Qty", l.quantity());
      detail.put("UnitPrice", l.unitPrice());
    }
    return array;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asString();
  }

  static BigDecimal decimal(JsonNode n) {
    return n.isNumber() ? n.decimalValue() : BigDecimal.ZERO;
  }

  private static LocalDate date(JsonNode n) {
    String s = text(n);
    return s == null ? null : LocalDate.parse(s);
  }

  /** A string literal for the query language: quotes are escaped with a backslash. */
  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
