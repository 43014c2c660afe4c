/** The REST API under /api/v1: snake_case JSON, problem+json errors, bearer-token auth. */
package dev.invoicebridge.api;
