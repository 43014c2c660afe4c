package dev.invoicebridge.invoicing.stripe;

import com.stripe.Stripe;
import com.stripe.model.StripeCollection;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointListParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import dev.invoicebridge.invoicing.stripe.WebhookRegistration.Outcome;
import dev.invoicebridge.vault.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Our webhook endpoint: one per URL (Stripe allows only 16 per account), subscribed to the invoice
 * events we sync, pinned to stripe-java's API version so event payloads deserialize.
 */
public final class StripeWebhookEndpoints {
  /** The events we subscribe to. */
  public static final List<String> EVENTS =
      List.of(
          "invoice.finalized",
          "invoice.paid",
          "invoice.payment_failed",
          "invoice.voided",
          "invoice.marked_uncollectible",
          "invoice.updated",
          "invoice.sent");

  private final StripeCalls calls;

  StripeWebhookEndpoints(StripeCalls calls) {
    this.calls = calls;
  }

  /**
   * Finds the endpoint for {@code url} or creates it, repairing what differs. Pass whether its
   * secret is still stored: without it the endpoint is replaced, since Stripe never shows a secret
   * again.
   */
  public synchronized WebhookRegistration ensure(URI url, boolean secretStored) {
    List<WebhookEndpoint> all = listAll();
    List<WebhookEndpoint> same =
        all.stream()
            .filter(e -> url.toString().equals(e.getUrl()))
            .sorted(
                Comparator.comparing(WebhookEndpoint::getCreated)
                    .thenComparing(WebhookEndpoint::getId))
            .toList();
    if (same.isEmpty()) {
      return create(
          url,
          "after:" + all.stream().map(WebhookEndpoint::getId).sorted().toList(),
          Outcome.CREATED);
    }
    WebhookEndpoint keep = same.getFirst();
    same.stream().skip(1).forEach(e -> delete(new StripeWebhookEndpointId(e.getId())));
    if (!Stripe.API_VERSION.equals(keep.getApiVersion()) || !secretStored) {
      delete(new StripeWebhookEndpointId(keep.getId()));
      return create(url, "replacing:" + keep.getId(), Outcome.RECREATED);
    }
    boolean enabled = "enabled".equals(keep.getStatus());
    boolean subscribed =
        keep.getEnabledEvents().containsAll(EVENTS) || keep.getEnabledEvents().contains("*");
    if (enabled && subscribed) {
      return registration(
          keep, Optional.empty(), same.size() > 1 ? Outcome.REPAIRED : Outcome.EXISTING);
    }
    Set<String> events = new LinkedHashSet<>(keep.getEnabledEvents());
    events.addAll(EVENTS);
    WebhookEndpointUpdateParams.Builder params =
        WebhookEndpointUpdateParams.builder().setDisabled(false);
    events.forEach(e -> params.addEnabledEvent(updateEvent(e)));
    WebhookEndpoint fixed =
        calls.call(c -> c.v1().webhookEndpoints().update(keep.getId(), params.build()));
    return registration(fixed, Optional.empty(), Outcome.REPAIRED);
  }

  /** The endpoint for {@code url}, if one exists. */
  public Optional<StripeWebhookEndpointId> find(URI url) {
    return listAll().stream()
        .filter(e -> url.toString().equals(e.getUrl()))
        .map(e -> new StripeWebhookEndpointId(e.getId()))
        .findFirst();
  }

  /** The endpoint for {@code url} as Stripe has it (the oldest, if several), if one exists. */
  public Optional<EndpointStatus> status(URI url) {
    return listAll().stream()
        .filter(e -> url.toString().equals(e.getUrl()))
        .min(
            Comparator.comparing(WebhookEndpoint::getCreated).thenComparing(WebhookEndpoint::getId))
        .map(
            e ->
                new EndpointStatus(
                    new StripeWebhookEndpointId(e.getId()),
                    URI.create(e.getUrl()),
                    e.getStatus(),
                    e.getEnabledEvents()));
  }

  /** An endpoint's state: {@code enabled} or {@code disabled}, and the events it delivers. */
  public record EndpointStatus(
      StripeWebhookEndpointId id, URI url, String status, List<String> enabledEvents) {
    public EndpointStatus {
      enabledEvents = enabledEvents == null ? List.of() : List.copyOf(enabledEvents);
    }
  }

  /** Deletes every endpoint for {@code url}; true when there was one. */
  public synchronized boolean remove(URI url) {
    List<StripeWebhookEndpointId> ours =
        listAll().stream()
            .filter(e -> url.toString().equals(e.getUrl()))
            .map(e -> new StripeWebhookEndpointId(e.getId()))
            .toList();
    ours.forEach(this::delete);
    return !ours.isEmpty();
  }

  /** Deletes the endpoint; one that is already gone counts as deleted. */
  public void delete(StripeWebhookEndpointId id) {
    try {
      calls.call(c -> c.v1().webhookEndpoints().delete(id.value()));
    } catch (StripeFailure.NotFound gone) {
      // Deleting twice is the same as deleting once.
    }
  }

  private WebhookRegistration create(URI url, String attempt, Outcome outcome) {
    WebhookEndpointCreateParams.Builder params =
        WebhookEndpointCreateParams.builder()
            .setUrl(url.toString())
            .setApiVersion(WebhookEndpointCreateParams.ApiVersion.VERSION_2026_07_29_DAHLIA)
            .setDescription("Invoicebridge invoice sync")
            .putMetadata("app", "invoicebridge");
    for (WebhookEndpointCreateParams.EnabledEvent e :
        WebhookEndpointCreateParams.EnabledEvent.values()) {
      if (EVENTS.contains(e.getValue())) {
        params.addEnabledEvent(e);
      }
    }
    String key = IdempotencyKeys.webhookEndpoint(url.toString(), attempt);
    WebhookEndpoint created =
        calls.call(
            c -> c.v1().webhookEndpoints().create(params.build(), StripeCalls.idempotent(key)));
    // A replayed create may describe an endpoint deleted since; then create afresh.
    if (!exists(created.getId())) {
      String fresh = IdempotencyKeys.webhookEndpoint(url.toString(), attempt + UUID.randomUUID());
      created =
          calls.call(
              c -> c.v1().webhookEndpoints().create(params.build(), StripeCalls.idempotent(fresh)));
    }
    return registration(created, Optional.of(new Secret(created.getSecret())), outcome);
  }

  private boolean exists(String id) {
    try {
      calls.call(c -> c.v1().webhookEndpoints().retrieve(id));
      return true;
    } catch (StripeFailure.NotFound e) {
      return false;
    }
  }

  private List<WebhookEndpoint> listAll() {
    List<WebhookEndpoint> all = new ArrayList<>();
    String cursor = null;
    do {
      WebhookEndpointListParams.Builder params = WebhookEndpointListParams.builder().setLimit(100L);
      if (cursor != null) {
        params.setStartingAfter(cursor);
      }
      StripeCollection<WebhookEndpoint> page =
          calls.call(c -> c.v1().webhookEndpoints().list(params.build()));
      all.addAll(page.getData());
      cursor =
          Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty()
              ? page.getData().getLast().getId()
              : null;
    } while (cursor != null);
    return all;
  }

  private static WebhookEndpointUpdateParams.EnabledEvent updateEvent(String value) {
    for (WebhookEndpointUpdateParams.EnabledEvent e :
        WebhookEndpointUpdateParams.EnabledEvent.values()) {
      if (e.getValue().equals(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException("Unknown Stripe event type: " + value);
  }

  private static WebhookRegistration registration(
      WebhookEndpoint e, Optional<Secret> secret, Outcome outcome) {
    return new WebhookRegistration(
        new StripeWebhookEndpointId(e.getId()), URI.create(e.getUrl()), secret, outcome);
  }
}
