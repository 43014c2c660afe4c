package dev.invoicebridge.invoicing.stripe;

import dev.invoicebridge.vault.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook endpoint for our URL after {@link StripeWebhookEndpoints#ensure}.
 *
 * @param newSecret the signing secret when the endpoint was (re)created: Stripe shows it only then,
 *     so the caller must store it in the vault at once
 */
public record WebhookRegistration(
    StripeWebhookEndpointId id, URI url, Optional<Secret> newSecret, Outcome outcome) {
  public WebhookRegistration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(newSecret, "newSecret");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** What ensure had to do. */
  public enum Outcome {
    /** There was none: created. */
    CREATED,
    /** It existed as wanted: nothing changed. */
    EXISTING,
    /** It existed but was disabled, missed events or had duplicates: fixed in place. */
    REPAIRED,
    /** Replaced, because its API version differed or its secret was lost. */
    RECREATED
  }
}
