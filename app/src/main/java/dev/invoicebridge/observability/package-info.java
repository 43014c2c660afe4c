/** Request ids on every log line and response, and the request log. */
package dev.invoicebridge.observability;
