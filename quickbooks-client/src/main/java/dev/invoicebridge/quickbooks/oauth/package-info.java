/**
 * OAuth 2.0 for QuickBooks: the authorization-code flow, refresh with rotation, revoke, userinfo,
 * and single-flight refresh across threads and instances through a compare-and-swap token store.
 */
package dev.invoicebridge.quickbooks.oauth;
