/**
 * The Stripe adapter on stripe-java: customers, catalog, invoices, webhook endpoints, signature
 * verification and the permission probe, in our vocabulary; the only package where com.stripe.* may
 * appear.
 */
package dev.invoicebridge.invoicing.stripe;
