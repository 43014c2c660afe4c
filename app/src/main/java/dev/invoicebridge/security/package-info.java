/** Who may do what: UI logins, API tokens, the two roles, and the HTTP security chains. */
package dev.invoicebridge.security;
