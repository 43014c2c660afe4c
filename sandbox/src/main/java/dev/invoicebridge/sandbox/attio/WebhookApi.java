package dev.invoicebridge.sandbox.attio;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** {@code /v2/webhooks}: subscriptions CRUD; the secret is shown once, on create. */
final class WebhookApi {
  static final Set<String> EVENT_TYPES =
      Set.of(
          "call-recording.created",
          "comment.created",
          "comment.resolved",
          "comment.unresolved",
          "comment.deleted",
          "list.created",
          "list.updated",
          "list.deleted",
          "list-attribute.created",
          "list-attribute.updated",
          "list-entry.created",
          "list-entry.updated",
          "list-entry.deleted",
          "object-attribute.created",
          "object-attribute.updated",
          "note.created",
          "note-content.updated",
          "note.updated",
          "note.deleted",
          "record.created",
          "record.merged",
          "record.updated",
          "record.deleted",
          "task.created",
          "task.updated",
          "task.deleted",
          "workspace-member.created");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AttioStore store;
  private final Map<String, WebhookDef> webhooks;

  WebhookApi(AttioStore store, Map<String, WebhookDef> webhooks) {
    this.store = store;
    this.webhooks = webhooks;
  }

  void register(AttioRoutes routes) {
    routes
        .get("/v2/webhooks", this::list)
        .write("POST", "/v2/webhooks", this::create)
        .get("/v2/webhooks/{webhook_id}", c -> Map.of("data", find(c).render(store.workspace.id())))
        .write("PATCH", "/v2/webhooks/{webhook_id}", this::update)
        .write("DELETE", "/v2/webhooks/{webhook_id}", this::delete);
  }

  private Object list(AttioCall call) {
    int limit = call.intQuery("limit", 10, 10, 100);
    int offset = call.intQuery("offset", 0, 0, Integer.MAX_VALUE);
    return Map.of(
        "data",
        webhooks.values().stream()
            .skip(offset)
            .limit(limit)
            .map(w -> w.render(store.workspace.id()))
            .toList());
  }

  private Object create(AttioCall call) {
    JsonNode d = call.data();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    WebhookDef w =
        new WebhookDef(AttioStore.newId(), HexFormat.of().formatHex(secret), store.now());
    w.targetUrl = targetUrl(d.path("target_url"));
    w.subscriptions = subscriptions(d.path("subscriptions"));
    webhooks.put(w.id, w);
    Map<String, Object> body = new LinkedHashMap<>(w.render(store.workspace.id()));
    body.put("secret", w.secret);
    return Map.of("data", body);
  }

  private Object update(AttioCall call) {
    WebhookDef w = find(call);
    JsonNode d = call.data();
    if (d.has("target_url")) {
      w.targetUrl = targetUrl(d.get("target_url"));
    }
    if (d.has("subscriptions")) {
      w.subscriptions = subscriptions(d.get("subscriptions"));
    }
    return Map.of("data", w.render(store.workspace.id()));
  }

  private Object delete(AttioCall call) {
    webhooks.remove(find(call).id);
    return Map.of();
  }

  private WebhookDef find(AttioCall call) {
    WebhookDef w = webhooks.get(call.param("webhook_id"));
    if (w == null) {
      throw AttioProblem.notFound(
          "Webhook with ID \"" + call.param("webhook_id") + "\" was not found.");
    }
    return w;
  }

  /**
   * Attio only delivers to https. The sandbox also accepts plain http to this machine, because in
   * sandbox mode the service's own receiver listens on localhost without TLS.
   */
  private static String targetUrl(JsonNode n) {
    String url = n.asString("");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw AttioProblem.validation("target_url must be a URL.");
    }
    boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
    if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
      throw AttioProblem.validation("target_url must start with https://.");
    }
    return url;
  }

  private static List<Map<String, Object>> subscriptions(JsonNode n) {
    if (!n.isArray()) {
      throw AttioProblem.validation("subscriptions must be an array.");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode s : n) {
      String type = s.path("event_type").asString("");
      if (!EVENT_TYPES.contains(type)) {
        throw AttioProblem.validation("Unknown event_type \"" + type + "\".");
      }
      Map<String, Object> sub = new LinkedHashMap<>();
      sub.put("event_type", type);
      sub.put("filter", WebhookFilter.validate(s.path("filter")));
      out.add(sub);
    }
    return out;
  }
}
