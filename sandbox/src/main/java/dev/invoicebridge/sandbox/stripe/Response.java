package dev.invoicebridge.sandbox.stripe;

import java.util.Map;

/** A status and JSON body, as stored for idempotent replay and written to the wire. */
record Response(int status, Map<String, Object> body) {}
