package dev.invoicebridge.sandbox.attio;

/**
 * One outbound webhook delivery attempt the sandbox made.
 *
 * @param status the receiver's HTTP status, or 0 when it could not be reached
 */
public record WebhookAttempt(
    String webhookId, String eventType, String idempotencyKey, int attempt, int status) {}
