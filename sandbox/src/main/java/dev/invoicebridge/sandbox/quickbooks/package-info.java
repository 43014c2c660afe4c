/** The QuickBooks Online Accounting API emulator, mounted under /sandbox/quickbooks. */
package dev.invoicebridge.sandbox.quickbooks;
