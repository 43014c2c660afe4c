package dev.invoicebridge.invoicing.stripe;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified webhook event, reduced to what sync needs: it re-reads the object by id rather than
 * trusting the payload, since events arrive out of order.
 *
 * @param objectId the id of {@code data.object}, such as an invoice id
 */
public record StripeWebhookEvent(
    String id, String type, Instant created, String apiVersion, Optional<String> objectId) {
  public StripeWebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(objectId, "objectId");
  }
}
