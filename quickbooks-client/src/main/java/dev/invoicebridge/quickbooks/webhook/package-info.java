/**
 * QuickBooks webhooks: {@code intuit-signature} verification and both payload formats (legacy
 * {@code eventNotifications} and CloudEvents) parsed into one event model.
 */
package dev.invoicebridge.quickbooks.webhook;
