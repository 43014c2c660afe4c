package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.WebhookEndpointState;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a workspace's Stripe webhooks fare, for Settings and the API. Holds no secret.
 *
 * @param url where Stripe should deliver
 * @param syncOn whether the endpoint is wanted at all (send-only wants none)
 * @param endpoint our endpoint as Stripe has it; empty when there is none (or Stripe was not asked)
 * @param unreadable why Stripe could not be asked, if it could not
 * @param lastEventAt when the latest verified event arrived
 * @param failing events stored but not applied yet that have failed at least once, newest first
 * @param failingTotal how many such events there are in all
 * @param rejectedLastDay deliveries refused (signature not proven) in the last 24 hours
 */
public record WebhookHealth(
    URI url,
    boolean syncOn,
    Optional<WebhookEndpointState> endpoint,
    Optional<String> unreadable,
    Optional<Instant> lastEventAt,
    List<FailingEvent> failing,
    long failingTotal,
    long rejectedLastDay) {
  public WebhookHealth {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(unreadable, "unreadable");
    Objects.requireNonNull(lastEventAt, "lastEventAt");
    failing = List.copyOf(failing);
  }

  /** One event that failed to apply: its last error is ours (an exception type, a kind). */
  public record FailingEvent(
      String eventId, String type, int attempts, String lastError, Instant receivedAt) {}

  public boolean registered() {
    return endpoint.isPresent();
  }

  /** Registered and enabled, as it must be while sync is on. */
  public boolean enabled() {
    return endpoint.map(e -> "enabled".equals(e.status())).orElse(false);
  }
}
