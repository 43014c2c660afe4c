/**
 * The QuickBooks Online emulator, mounted under /sandbox/quickbooks: Intuit's OAuth pages and
 * endpoints, the Accounting API with its rules, CDC, throttling, signed webhooks and controls.
 */
package dev.invoicebridge.sandbox.quickbooks;
