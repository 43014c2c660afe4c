/**
 * A workspace's sync preferences: whether invoices are synced into Attio at all (off is send-only),
 * and whether an unmatched customer email creates a person.
 */
package dev.invoicebridge.settings;
