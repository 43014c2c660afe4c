package dev.invoicebridge.sandbox.attio;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook subscription with the secret it signs deliveries with. */
final class WebhookDef {
  final String id;
  final String secret;
  final Instant createdAt;
  String targetUrl;
  List<Map<String, Object>> subscriptions;
  volatile String status = "active";

  WebhookDef(String id, String secret, Instant createdAt) {
    this.id = id;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  Map<String, Object> render(String workspaceId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target_url", targetUrl);
    m.put("subscriptions", subscriptions);
    m.put("id", Map.of("workspace_id", workspaceId, "webhook_id", id));
    m.put("status", status);
    m.put("created_at", AttioTime.format(createdAt));
    return m;
  }
}
