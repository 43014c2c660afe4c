/**
 * Sync in by pull: the resumable Stripe backfill, a durable job that pages through every invoice of
 * the account, applies each one like a webhook would, and keeps a checkpoint and live progress
 * (processed, total estimate, rate, ETA) in the {@code sync_job} table.
 */
package dev.invoicebridge.backfill;
