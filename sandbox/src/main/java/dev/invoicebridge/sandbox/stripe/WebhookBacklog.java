package dev.invoicebridge.sandbox.stripe;

/**
 * Webhook deliveries not finished yet.
 *
 * @param held kept back by the hold switch until released
 * @param pending released and not finished: queued, in flight or waiting for a retry (a delivery is
 *     finished once answered 2xx or out of retries)
 * @param retrying of those, failed once or more and waiting for their next attempt
 * @param seed the seed of the current switches' random choices
 */
public record WebhookBacklog(int held, int pending, int retrying, long seed) {
  /** Nothing held, queued, in flight or waiting for a retry. */
  public boolean idle() {
    return held == 0 && pending == 0;
  }
}
