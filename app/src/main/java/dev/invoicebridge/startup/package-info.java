/** What happens once at every start, in order: workspace, vault, connections, logins. */
package dev.invoicebridge.startup;
