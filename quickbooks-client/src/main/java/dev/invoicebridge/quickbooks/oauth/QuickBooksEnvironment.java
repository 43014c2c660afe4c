package dev.invoicebridge.quickbooks.oauth;

/** Intuit's two environments: they share OAuth endpoints but differ in API and userinfo hosts. */
public enum QuickBooksEnvironment {
  SANDBOX,
  PRODUCTION
}
