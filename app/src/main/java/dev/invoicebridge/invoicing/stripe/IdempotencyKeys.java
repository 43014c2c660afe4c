package dev.invoicebridge.invoicing.stripe;

import dev.invoicebridge.invoicing.Sha256;

/**
 * Deterministic idempotency keys: the same logical create always sends the same key, so a retry
 * (here, after a crash, or from another instance within Stripe's 24 hours) replays the first result
 * instead of creating a duplicate. The trailing version changes if a key's meaning does.
 */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  static String customer(String normalizedEmail) {
    return "ib-customer-" + hash(normalizedEmail) + "-v1";
  }

  /** The custom-line product; {@code attempt} changes only to make it again after a deletion. */
  static String customLineProduct(String attempt) {
    return "ib-custom-line-product-" + hash(attempt) + "-v1";
  }

  /**
   * A customer for the email; generation 1 is the first create, a later one makes the customer
   * again after the first was deleted (the first key would replay the deleted customer for 24 h).
   */
  static String customer(String normalizedEmail, int generation) {
    return generation == 1
        ? customer(normalizedEmail)
        : "ib-customer-" + hash(normalizedEmail) + "-g" + generation + "-v1";
  }

  static String invoice(String reference) {
    return "ib-invoice-" + hash(reference) + "-create-v1";
  }

  /** One batch of lines: the invoice, the batch's position and its content. */
  static String lines(StripeInvoiceId invoice, int batch, String content) {
    return "ib-" + invoice.value() + "-lines-" + batch + "-" + hash(content) + "-v1";
  }

  static String action(StripeInvoiceId invoice, String action) {
    return "ib-" + invoice.value() + "-" + action + "-v1";
  }

  static String webhookEndpoint(String url, String attempt) {
    return "ib-webhook-" + hash(url + "|" + attempt) + "-v1";
  }

  /** A short stable digest, so keys stay well under Stripe's 255 characters and hold no PII. */
  static String hash(String value) {
    return Sha256.hex(value).substring(0, 32);
  }
}
