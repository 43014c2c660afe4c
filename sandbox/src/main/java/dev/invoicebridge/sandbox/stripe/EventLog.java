package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.EVENTS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events for every change, kept for {@code GET /v1/events} and handed to webhook delivery once the
 * call that caused them has finished.
 */
final class EventLog {
  /** The version stripe-java 33.3.0 pins; events render at it unless an endpoint pins another. */
  static final String API_VERSION = "2026-07-29.dahlia";

  private final StripeStore store;

  EventLog(StripeStore store) {
    this.store = store;
  }

  void register(Router router) {
    // The parameters of stripe-java's EventListParams; none on retrieve.
    router.add(
        "GET",
        "/v1/events",
        EVENTS,
        Allowed.LIST.and("delivery_success", "type", "types"),
        this::list);
    router.add(
        "GET",
        "/v1/events/{id}",
        EVENTS,
        Allowed.NONE,
        c -> store.render(store.get("event", c.arg(0), "id")));
  }

  /** Records an event about {@code object}; {@code previous} goes into previous_attributes. */
  void emit(Call call, String type, Map<String, Object> object, Map<String, Object> previous) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("object", store.render(object));
    if (previous != null && !previous.isEmpty()) {
      data.put("previous_attributes", StripeStore.deepCopy(previous));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", call == null ? null : call.requestId());
    request.put("idempotency_key", call == null ? null : call.idempotencyKey());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", StripeStore.newId("evt_"));
    event.put("object", "event");
    event.put("api_version", API_VERSION);
    event.put("created", store.now());
    event.put("data", data);
    event.put("livemode", false);
    event.put("pending_webhooks", subscribers(type).size());
    event.put("request", request);
    event.put("type", type);
    store.insert(event);
    if (call != null) {
      call.emitted(event);
    }
  }

  /** Enabled endpoints subscribed to {@code type} (or to every event with "*"). */
  List<Map<String, Object>> subscribers(String type) {
    return store.newestFirst("webhook_endpoint").stream()
        .filter(e -> "enabled".equals(e.get("status")))
        .filter(
            e -> {
              List<?> enabled = (List<?>) e.get("enabled_events");
              return enabled.contains(type) || enabled.contains("*");
            })
        .toList();
  }

  private Map<String, Object> list(Call call) {
    Params p = call.params();
    List<String> types =
        p.has("types") ? p.strings("types") : p.string("type").map(List::of).orElse(List.of());
    if (types.size() > 20) {
      throw StripeApiException.invalid("types", "You may pass at most 20 types.");
    }
    List<Map<String, Object>> all =
        store.newestFirst("event").stream()
            .filter(e -> types.isEmpty() || types.stream().anyMatch(t -> matches(t, e)))
            .toList();
    return Lists.page(all, p, "/v1/events", store::render);
  }

  private static boolean matches(String pattern, Map<String, Object> event) {
    String type = (String) event.get("type");
    return pattern.endsWith("*")
        ? type.startsWith(pattern.substring(0, pattern.length() - 1))
        : type.equals(pattern);
  }
}
