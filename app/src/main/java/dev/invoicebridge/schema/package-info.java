/**
 * The invoices object in Attio: which attribute holds each invoice field, and setting that schema
 * up (or mapping it onto an existing object) idempotently, with a health report for Settings.
 */
package dev.invoicebridge.schema;
