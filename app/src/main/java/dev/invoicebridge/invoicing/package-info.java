/**
 * Invoicing core: the provider port, invoice creation from Attio records, the invoice mirror and
 * its upsert into Attio; each provider's adapter lives in a subpackage.
 */
package dev.invoicebridge.invoicing;
