/** The server-rendered web UI: login, Records, Invoices and Settings. */
package dev.invoicebridge.web;
