/** Stateful emulators of Attio, Stripe and QuickBooks, mounted in-process under /sandbox/*. */
package dev.invoicebridge.sandbox;
