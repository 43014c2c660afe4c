package dev.invoicebridge.quickbooks;

/** The QuickBooks Online Accounting API for one company (realm), as the product uses it. */
public interface QuickBooksClient {
  /** {@code GET /v3/company/{realmId}/companyinfo/{realmId}}: the connected company. */
  CompanyInfo companyInfo();
}
