package dev.invoicebridge.sandbox.quickbooks;

import java.math.BigDecimal;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer payment applied to one invoice, stored as QuickBooks stores it: a Payment entity whose
 * line links the invoice, which in turn lists the payment in its LinkedTxn.
 */
final class Payments {
  private Payments() {}

  static ObjectNode record(SandboxCompany company, ObjectNode invoice, BigDecimal amount) {
    ObjectNode p = QboExchange.JSON.createObjectNode();
    p.put("TxnDate", company.now().toLocalDate().toString());
    p.set("CustomerRef", invoice.path("CustomerRef").deepCopy());
    p.set("CurrencyRef", invoice.path("CurrencyRef").deepCopy());
    if (invoice.has("ExchangeRate")) {
      p.set("ExchangeRate", invoice.path("ExchangeRate"));
    }
    p.put("TotalAmt", amount);
    p.put("UnappliedAmt", 0);
    p.put("ProcessPayment", false);
    ObjectNode line = p.putArray("Line").addObject();
    line.put("Amount", amount);
    line.putArray("LinkedTxn")
        .addObject()
        .put("TxnId", invoice.path("Id").asString())
        .put("TxnType", "Invoice");
    p.putArray("LinkedTxn");
    return company.insert("Payment", p);
  }
}
