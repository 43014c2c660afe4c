package dev.invoicebridge.sandbox.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How QuickBooks validates and derives an invoice: lines, totals, balance, void. */
final class InvoiceRules {
  /** Fields a client may write; the rest (totals, MetaData, DeliveryInfo...) are derived. */
  static final Set<String> WRITABLE =
      Set.of(
          "CustomerRef",
          "DocNumber",
          "TxnDate",
          "DueDate",
          "BillEmail",
          "CurrencyRef",
          "ExchangeRate",
          "CustomerMemo",
          "PrivateNote",
          "Line",
          "SalesTermRef",
          "BillAddr",
          "ShipAddr",
          "EmailStatus");

  private InvoiceRules() {}

  static ObjectNode create(SandboxCompany company, ObjectNode body) {
    IntuitSchema.checkRequest("Invoice", body);
    ObjectNode invoice = QboExchange.JSON.createObjectNode();
    for (String f : WRITABLE) {
      if (body.has(f) && !body.path(f).isNull()) {
        invoice.set(f, body.path(f));
      }
    }
    ObjectNode customer = customer(company, invoice);
    if (!company.customTxnNumbers()) {
      // Without custom transaction numbers QuickBooks numbers every invoice itself (the sheet:
      // custom numbers only when CustomTxnNumbers is on); a DocNumber sent anyway is not used.
      invoice.remove("DocNumber");
    }
    if (!invoice.has("DocNumber")) {
      invoice.put("DocNumber", company.nextDocNumber());
    }
    LocalDate today = company.now().toLocalDate();
    if (!invoice.has("TxnDate")) {
      invoice.put("TxnDate", today.toString());
    }
    if (!invoice.has("DueDate")) {
      invoice.put(
          "DueDate", LocalDate.parse(invoice.path("TxnDate").asString()).plusDays(30).toString());
    }
    if (!invoice.has("BillEmail") && customer.has("PrimaryEmailAddr")) {
      invoice.set("BillEmail", customer.path("PrimaryEmailAddr"));
    }
    invoice.put("EmailStatus", invoice.path("EmailStatus").asString("NotSet"));
    invoice.put("PrintStatus", "NotSet");
    invoice.put("Deposit", 0);
    invoice.put("ApplyTaxAfterDiscount", false);
    invoice.putArray("LinkedTxn");
    invoice.putObject("TxnTaxDetail").put("TotalTax", 0);
    requireBillEmailToSend(invoice);
    InvoiceLines.validate(company, invoice, null);
    InvoiceLines.derive(company, invoice, BigDecimal.ZERO);
    return company.insert("Invoice", invoice);
  }

  /** Applies a sparse (merge) or full (replace) update to the stored invoice. */
  static void update(SandboxCompany company, ObjectNode stored, ObjectNode body) {
    IntuitSchema.checkRequest("Invoice", body);
    BigDecimal paid = company.paid(stored.path("Id").asString());
    ObjectNode next = stored.deepCopy();
    if (!body.path("sparse").asBoolean(false)) {
      WRITABLE.forEach(next::remove);
    }
    for (String f : WRITABLE) {
      if (body.has(f)) {
        next.set(f, body.path(f));
      }
    }
    if (body.has("Line")) {
      // Line is replace-all: kept ids must exist; new lines get fresh ids.
      next.set("Line", InvoiceLines.renumber(stored.path("Line"), body.path("Line")));
    }
    if (!company.customTxnNumbers()) {
      next.set("DocNumber", stored.path("DocNumber"));
    }
    customer(company, next);
    requireBillEmailToSend(next);
    InvoiceLines.validate(company, next, stored.path("Id").asString());
    InvoiceLines.derive(company, next, paid);
    if (next.path("TotalAmt").decimalValue().compareTo(paid) < 0) {
      throw QboFault.business("The invoice total cannot be less than the payments applied to it");
    }
    stored.removeAll();
    stored.setAll(next);
    company.touch(stored);
  }

  static void voidInvoice(SandboxCompany company, ObjectNode stored) {
    if (company.paid(stored.path("Id").asString()).signum() > 0) {
      throw QboFault.business("This transaction has payments applied; it cannot be voided");
    }
    for (JsonNode line : stored.path("Line")) {
      ObjectNode l = (ObjectNode) line;
      l.put("Amount", 0);
      if (l.path("SalesItemLineDetail") instanceof ObjectNode d && d.has("Qty")) {
        d.put("Qty", 0);
      }
    }
    String note = stored.path("PrivateNote").asString("");
    stored.put("PrivateNote", note.isEmpty() ? "Voided" : "Voided - " + note);
    stored.put("TotalAmt", 0);
    stored.put("Balance", 0);
    if (stored.has("HomeTotalAmt")) {
      stored.put("HomeBalance", 0);
      stored.put("HomeTotalAmt", 0);
    }
    company.touch(stored);
  }

  /** A payment applied from the control API: the balance falls; zero means paid. */
  static ObjectNode recordPayment(SandboxCompany company, ObjectNode stored, BigDecimal amount) {
    BigDecimal balance = stored.path("Balance").decimalValue();
    if (amount.signum() <= 0 || amount.compareTo(balance) > 0) {
      throw QboFault.business("A payment must be positive and at most the balance " + balance);
    }
    ObjectNode payment = Payments.record(company, stored, amount);
    ((ArrayNode) stored.path("LinkedTxn"))
        .addObject()
        .put("TxnId", payment.path("Id").asString())
        .put("TxnType", "Payment");
    String id = stored.path("Id").asString();
    InvoiceLines.derive(company, stored, company.paid(id));
    company.touch(stored);
    return payment;
  }

  /** Intuit: BillEmail is required when EmailStatus is NeedToSend. */
  private static void requireBillEmailToSend(ObjectNode invoice) {
    String status = invoice.path("EmailStatus").asString("NotSet");
    if (!Set.of("NotSet", "NeedToSend", "EmailSent").contains(status)) {
      throw QboFault.validation(
          "2010",
          "Request has invalid or unsupported property",
          "Property Name:EmailStatus specified is unsupported or invalid: " + status);
    }
    if (status.equals("NeedToSend")
        && invoice.path("BillEmail").path("Address").asString("").isBlank()) {
      throw QboFault.required("BillEmail");
    }
  }

  static void send(SandboxCompany company, ObjectNode stored, String sendTo) {
    if (sendTo != null) {
      stored.putObject("BillEmail").put("Address", sendTo);
    }
    if (stored.path("BillEmail").path("Address").asString("").isEmpty()) {
      throw QboFault.business("An email address is required to send the invoice (BillEmail)");
    }
    stored.put("EmailStatus", "EmailSent");
    stored
        .putObject("DeliveryInfo")
        .put("DeliveryType", "Email")
        .put("DeliveryTime", company.nowText());
    company.touch(stored);
  }

  private static ObjectNode customer(SandboxCompany company, ObjectNode invoice) {
    String id = invoice.path("CustomerRef").path("value").asString(null);
    if (id == null) {
      throw QboFault.required("CustomerRef");
    }
    ObjectNode customer =
        company
            .find("Customer", id)
            .filter(c -> c.path("Active").asBoolean(true))
            .orElseThrow(() -> QboFault.invalidReference("Customer", id));
    invoice
        .putObject("CustomerRef")
        .put("value", id)
        .put("name", customer.path("DisplayName").asString());
    String currency = customer.path("CurrencyRef").path("value").asString(company.homeCurrency());
    String asked = invoice.path("CurrencyRef").path("value").asString(currency);
    NameLists.checkCurrency(company, asked);
    if (!asked.equals(currency)) {
      throw QboFault.business(
          "The invoice currency " + asked + " must match the customer's " + currency);
    }
    invoice.set("CurrencyRef", NameLists.currencyRef(asked));
    if (!company.multiCurrency()) {
      // ExchangeRate and the home amounts exist only in multicurrency companies.
      invoice.remove(List.of("ExchangeRate", "HomeTotalAmt", "HomeBalance"));
    } else if (asked.equals(company.homeCurrency()) || !invoice.path("ExchangeRate").isNumber()) {
      // The home currency is at 1; a foreign one without a rate falls back to 1, as QuickBooks
      // does without a stored rate (which is why the client always sends one).
      invoice.put("ExchangeRate", BigDecimal.ONE);
    }
    return customer;
  }
}
