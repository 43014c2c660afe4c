package dev.invoicebridge.sandbox.attio;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v2/self}: the token's introspection, bare (no {@code data} envelope). */
final class IdentityJson {
  private IdentityJson() {}

  static Map<String, Object> self(AttioWorkspace workspace, Clock clock) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("active", true);
    body.put(
        "scope",
        "object_configuration:read-write record_permission:read-write note:read-write"
            + " task:read-write webhook:read-write user_management:read");
    body.put("client_id", workspace.clientId());
    body.put("token_type", "Bearer");
    body.put("exp", null);
    body.put("iat", clock.instant().getEpochSecond());
    body.put("sub", workspace.id());
    body.put("aud", workspace.clientId());
    body.put("iss", "attio.com");
    body.put("authorized_by_workspace_member_id", workspace.memberId());
    body.put("workspace_id", workspace.id());
    body.put("workspace_name", workspace.name());
    body.put("workspace_slug", workspace.slug());
    body.put("workspace_logo_url", null);
    return body;
  }
}
