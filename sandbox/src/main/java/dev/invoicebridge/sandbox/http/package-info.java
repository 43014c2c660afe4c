/** Small servlet helpers shared by the emulators: JSON bodies, bearer tokens, routing. */
package dev.invoicebridge.sandbox.http;
