/** Workspaces: one Attio workspace with its connections, settings and invoices. */
package dev.invoicebridge.workspace;
