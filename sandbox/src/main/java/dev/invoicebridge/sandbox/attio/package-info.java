/** The Attio REST v2 emulator, mounted under /sandbox/attio. */
package dev.invoicebridge.sandbox.attio;
