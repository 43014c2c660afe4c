/** The QuickBooks adapter: OAuth connection (token store, connect flow) over quickbooks-client. */
package dev.invoicebridge.invoicing.quickbooks;
