/** The Stripe API emulator, mounted under /sandbox/stripe. */
package dev.invoicebridge.sandbox.stripe;
