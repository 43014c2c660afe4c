/** Typed client for Attio's REST v2 API, in Attio's vocabulary. */
package dev.invoicebridge.attio;
