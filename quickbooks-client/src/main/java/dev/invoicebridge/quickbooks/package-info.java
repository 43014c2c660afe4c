/** Typed client for the QuickBooks Online Accounting API, in Intuit's vocabulary. */
package dev.invoicebridge.quickbooks;
