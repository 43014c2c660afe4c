/** A workspace's connections to Attio, Stripe and QuickBooks: mode, target, credentials, health. */
package dev.invoicebridge.connection;
