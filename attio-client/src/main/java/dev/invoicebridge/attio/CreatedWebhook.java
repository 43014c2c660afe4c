package dev.invoicebridge.attio;

import java.util.Objects;

/**
 * A webhook just created, with the signing secret Attio shows only this once: store it now.
 *
 * @param secret never printed by {@link #toString()}
 */
public record CreatedWebhook(AttioWebhook webhook, String secret) {
  public CreatedWebhook {
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "CreatedWebhook[webhook=" + webhook + ", secret=redacted]";
  }
}
