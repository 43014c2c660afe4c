/** The Stripe adapter on stripe-java: the only package where com.stripe.* may appear. */
package dev.invoicebridge.invoicing.stripe;
