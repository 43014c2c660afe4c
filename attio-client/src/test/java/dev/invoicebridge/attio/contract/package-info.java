/** Checks exchanges with the Attio sandbox against Attio's official OpenAPI 3.1 document. */
package dev.invoicebridge.attio.contract;
