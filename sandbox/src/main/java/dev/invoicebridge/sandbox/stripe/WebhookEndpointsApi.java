package dev.invoicebridge.sandbox.stripe;

import static dev.invoicebridge.sandbox.stripe.Permissions.Resource.WEBHOOK_ENDPOINTS;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** /v1/webhook_endpoints: the secret is returned only by create, as Stripe does. */
final class WebhookEndpointsApi {
  /** Stripe's per-account limit on webhook endpoints. */
  static final int MAX_ENDPOINTS = 16;

  private final StripeStore store;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  WebhookEndpointsApi(StripeStore store) {
    this.store = store;
  }

  void register(Router router) {
    Allowed update = Allowed.of("description", "disabled", "enabled_events", "metadata", "url");
    Allowed create =
        Allowed.of("api_version", "connect", "description", "enabled_events")
            .and("metadata", "url");
    String one = "/v1/webhook_endpoints/{id}";
    router.add("POST", "/v1/webhook_endpoints", WEBHOOK_ENDPOINTS, create, this::create);
    router.add("GET", "/v1/webhook_endpoints", WEBHOOK_ENDPOINTS, Allowed.LIST, this::list);
    router.add("GET", one, WEBHOOK_ENDPOINTS, Allowed.NONE, c -> store.render(get(c)));
    router.add("POST", one, WEBHOOK_ENDPOINTS, update, this::update);
    router.add("DELETE", one, WEBHOOK_ENDPOINTS, Allowed.NONE, this::delete);
  }

  Optional<String> secret(String endpointId) {
    return Optional.ofNullable(secrets.get(endpointId));
  }

  private Map<String, Object> create(Call call) {
    Params p = call.params();
    String url = url(p);
    List<String> enabled = enabledEvents(p);
    if (store.newestFirst("webhook_endpoint").size() >= MAX_ENDPOINTS) {
      throw StripeApiException.invalid(
          "url", "You have reached the maximum of " + MAX_ENDPOINTS + " test webhook endpoints.");
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", StripeStore.newId("we_"));
    o.put("object", "webhook_endpoint");
    o.put("api_version", p.string("api_version").orElse(null));
    o.put("application", null);
    o.put("created", store.now());
    o.put("description", p.string("description").orElse(null));
    o.put("enabled_events", enabled);
    o.put("livemode", false);
    o.put("metadata", p.metadata(Map.of()));
    o.put("status", "enabled");
    o.put("url", url);
    store.insert(o);
    String secret = "whsec_" + StripeStore.random(32);
    secrets.put((String) o.get("id"), secret);
    Map<String, Object> rendered = store.render(o);
    rendered.put("secret", secret);
    return rendered;
  }

  private Map<String, Object> list(Call call) {
    return Lists.page(
        store.newestFirst("webhook_endpoint"),
        call.params(),
        "/v1/webhook_endpoints",
        store::render);
  }

  private Map<String, Object> update(Call call) {
    Map<String, Object> o = get(call);
    Params p = call.params();
    Map<String, Object> previous = new HashMap<>();
    if (p.has("url")) {
      previous.put("url", o.put("url", url(p)));
    }
    if (p.has("enabled_events")) {
      previous.put("enabled_events", o.put("enabled_events", enabledEvents(p)));
    }
    p.bool("disabled")
        .ifPresent(d -> previous.put("status", o.put("status", d ? "disabled" : "enabled")));
    p.string("description").ifPresent(d -> previous.put("description", o.put("description", d)));
    if (p.has("metadata")) {
      previous.put(
          "metadata", o.put("metadata", p.metadata(CustomersApi.castMap(o.get("metadata")))));
    }
    return store.render(o);
  }

  private Map<String, Object> delete(Call call) {
    Map<String, Object> o = get(call);
    store.remove((String) o.get("id"));
    secrets.remove((String) o.get("id"));
    return StripeStore.deleted(o.get("id"), "webhook_endpoint");
  }

  private Map<String, Object> get(Call call) {
    return store.get("webhook_endpoint", call.arg(0), "id");
  }

  private static String url(Params p) {
    String url = p.required("url");
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
        throw new IllegalArgumentException(url);
      }
    } catch (IllegalArgumentException e) {
      throw StripeApiException.invalid("url", "Invalid URL: " + url);
    }
    return url;
  }

  private static List<String> enabledEvents(Params p) {
    List<String> enabled = p.strings("enabled_events");
    if (enabled.isEmpty()) {
      throw p.missingParam("enabled_events");
    }
    for (String e : enabled) {
      if (!e.equals("*") && !e.matches("[a-z_]+(\\.[a-z_]+)+")) {
        throw StripeApiException.invalid("enabled_events", "Invalid event type: " + e);
      }
    }
    return List.copyOf(enabled);
  }
}
