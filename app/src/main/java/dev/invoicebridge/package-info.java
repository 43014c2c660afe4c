/** The Invoicebridge service: invoicing from Attio records into Stripe and QuickBooks. */
package dev.invoicebridge;
