package dev.invoicebridge.sandbox.quickbooks;

import tools.jackson.databind.node.ObjectNode;

/** What a fresh sandbox company contains: preferences and a minimal chart of accounts. */
final class SandboxSeed {
  private SandboxSeed() {}

  static ObjectNode preferences(SandboxCompany company) {
    ObjectNode p = QboExchange.JSON.createObjectNode();
    p.putObject("AccountingInfoPrefs")
        .put("TrackDepartments", false)
        .put("ClassTrackingPerTxn", false);
    ObjectNode sales = p.putObject("SalesFormsPrefs");
    sales.put("CustomTxnNumbers", true).put("AllowDeposit", true).put("AllowDiscount", true);
    sales.putObject("DefaultTerms").put("value", "3");
    ObjectNode currency = p.putObject("CurrencyPrefs");
    currency.put("MultiCurrencyEnabled", false);
    currency.putObject("HomeCurrency").put("value", "USD");
    p.putObject("TaxPrefs").put("UsingSalesTax", false).put("PartnerTaxEnabled", false);
    p.put("Id", "1");
    p.put("SyncToken", "0");
    p.put("domain", "QBO");
    p.put("sparse", false);
    String now = company.nowText();
    p.putObject("MetaData").put("CreateTime", now).put("LastUpdatedTime", now);
    return p;
  }

  static void accounts(SandboxCompany company) {
    account(company, "Services", "Income", "ServiceFeeIncome", "Revenue");
    account(company, "Sales of Product Income", "Income", "SalesOfProductIncome", "Revenue");
    account(
        company, "Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable", "Asset");
  }

  private static void account(
      SandboxCompany company, String name, String type, String subType, String classification) {
    ObjectNode a = QboExchange.JSON.createObjectNode();
    a.put("Name", name);
    a.put("SubAccount", false);
    a.put("FullyQualifiedName", name);
    a.put("Active", true);
    a.put("Classification", classification);
    a.put("AccountType", type);
    a.put("AccountSubType", subType);
    a.put("CurrentBalance", 0);
    a.put("CurrentBalanceWithSubAccounts", 0);
    a.putObject("CurrencyRef").put("value", "USD").put("name", "United States Dollar");
    company.insert("Account", a);
  }
}
