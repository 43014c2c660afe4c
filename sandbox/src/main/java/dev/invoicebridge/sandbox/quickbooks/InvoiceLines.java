package dev.invoicebridge.sandbox.quickbooks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invoice lines as QuickBooks checks and derives them: references, Amount = Qty x UnitPrice,
 * totals.
 */
final class InvoiceLines {
  private InvoiceLines() {}

  static void validate(SandboxCompany company, ObjectNode invoice, String selfId) {
    String doc = invoice.path("DocNumber").asString("");
    if (doc.length() > 21) {
      throw QboFault.validation(
          "6000",
          "A business validation error has occurred while processing your request",
          "DocNumber is longer than 21 characters");
    }
    boolean duplicate =
        company.all("Invoice").values().stream()
            .anyMatch(
                i ->
                    i.path("DocNumber").asString().equals(doc)
                        && !i.path("Id").asString().equals(selfId));
    if (duplicate && company.customTxnNumbers()) {
      throw QboFault.validation(
          "6140",
          "Duplicate Document Number Error",
          "Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber="
              + doc);
    }
    JsonNode lines = invoice.path("Line");
    if (!lines.isArray() || lines.isEmpty()) {
      throw QboFault.required("Line");
    }
    for (JsonNode line : lines) {
      if (!"SalesItemLineDetail".equals(line.path("DetailType").asString())) {
        continue;
      }
      JsonNode d = line.path("SalesItemLineDetail");
      String item = d.path("ItemRef").path("value").asString(null);
      ObjectNode stored =
          company
              .find("Item", item)
              .filter(i -> i.path("Active").asBoolean(true))
              .orElseThrow(() -> QboFault.invalidReference("Item", String.valueOf(item)));
      ((ObjectNode) d)
          .putObject("ItemRef")
          .put("value", item)
          .put("name", stored.path("Name").asString());
      if (!line.path("Amount").isNumber()) {
        throw QboFault.required("Line.Amount");
      }
      if (d.path("Qty").isNumber() && d.path("UnitPrice").isNumber()) {
        BigDecimal expected =
            d.path("Qty")
                .decimalValue()
                .multiply(d.path("UnitPrice").decimalValue())
                .setScale(2, RoundingMode.HALF_UP);
        if (expected.compareTo(line.path("Amount").decimalValue()) != 0) {
          throw QboFault.validation(
              "6070",
              "Amount is not equal to UnitPrice * Qty",
              "Amount is not equal to UnitPrice * Qty. Supplied value:"
                  + line.path("Amount").asString());
        }
      }
    }
  }

  /** TotalAmt, Balance and the SubTotalLineDetail line QuickBooks adds to every response. */
  static void derive(SandboxCompany company, ObjectNode invoice, BigDecimal paid) {
    ArrayNode lines = QboExchange.JSON.createArrayNode();
    BigDecimal total = BigDecimal.ZERO;
    int n = 0;
    for (JsonNode line : invoice.path("Line")) {
      if ("SubTotalLineDetail".equals(line.path("DetailType").asString())) {
        continue;
      }
      ObjectNode l = ((ObjectNode) line).deepCopy();
      l.put("LineNum", ++n);
      if (!l.has("Id")) {
        l.put("Id", Integer.toString(n));
      }
      total = total.add(l.path("Amount").decimalValue());
      lines.add(l);
    }
    lines
        .addObject()
        .put("Amount", total)
        .put("DetailType", "SubTotalLineDetail")
        .putObject("SubTotalLineDetail");
    invoice.set("Line", lines);
    invoice.put("TotalAmt", total);
    invoice.put("Balance", total.subtract(paid));
    String currency = invoice.path("CurrencyRef").path("value").asString(company.homeCurrency());
    if (!company.multiCurrency() || currency.equals(company.homeCurrency())) {
      // Home amounts are reported only for foreign-currency transactions.
      invoice.remove(List.of("HomeTotalAmt", "HomeBalance"));
      return;
    }
    BigDecimal rate = invoice.path("ExchangeRate").decimalValue(BigDecimal.ONE);
    invoice.put("HomeTotalAmt", total.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    invoice.put(
        "HomeBalance", total.subtract(paid).multiply(rate).setScale(2, RoundingMode.HALF_UP));
  }

  static ArrayNode renumber(JsonNode old, JsonNode given) {
    long max = 0;
    Set<String> known = new java.util.HashSet<>();
    for (JsonNode l : old) {
      if (l.has("Id")) {
        known.add(l.path("Id").asString());
        max = Math.max(max, Long.parseLong(l.path("Id").asString()));
      }
    }
    ArrayNode out = QboExchange.JSON.createArrayNode();
    for (JsonNode l : given) {
      if ("SubTotalLineDetail".equals(l.path("DetailType").asString())) {
        continue;
      }
      ObjectNode copy = ((ObjectNode) l).deepCopy();
      if (copy.has("Id") && !known.contains(copy.path("Id").asString())) {
        throw QboFault.business(
            "Line Id " + copy.path("Id").asString() + " does not exist on this invoice");
      }
      if (!copy.has("Id")) {
        copy.put("Id", Long.toString(++max));
      }
      out.add(copy);
    }
    return out;
  }
}
