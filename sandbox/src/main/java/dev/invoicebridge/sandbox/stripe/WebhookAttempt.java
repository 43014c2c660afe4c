package dev.invoicebridge.sandbox.stripe;

/**
 * One webhook delivery attempt the sandbox made.
 *
 * @param status the endpoint's HTTP status, 0 when it could not be reached
 */
public record WebhookAttempt(
    String eventId, String type, String endpointId, int attempt, int status) {}
