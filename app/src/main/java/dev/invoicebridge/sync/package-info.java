/**
 * Sync in by push: provider webhooks verified, stored in an inbox, acknowledged, then applied by a
 * durable job; and the webhook endpoint registered where the provider can reach this instance.
 */
package dev.invoicebridge.sync;
