/** Settings from properties and INVOICEBRIDGE_* environment variables, validated at start. */
package dev.invoicebridge.config;
