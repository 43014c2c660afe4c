/**
 * The Stripe API emulator, mounted under /sandbox/stripe: a stateful test-mode account with
 * Stripe's shapes, errors, idempotency, restricted keys, rate limits and signed webhooks.
 */
package dev.invoicebridge.sandbox.stripe;
