/**
 * Typed client for the QuickBooks Online Accounting API, in Intuit's vocabulary: paced per realm,
 * idempotent writes, and one exception hierarchy.
 */
package dev.invoicebridge.quickbooks;
