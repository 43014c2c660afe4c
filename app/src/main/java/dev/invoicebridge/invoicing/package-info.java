/** Invoicing core: the provider port and its Stripe and QuickBooks adapters. */
package dev.invoicebridge.invoicing;
