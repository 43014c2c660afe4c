package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.http.Exchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Emulates Attio's REST v2 API: bearer auth, Attio's error body, and the identify endpoint. */
public final class AttioSandboxServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient Supplier<String> acceptedToken;
  private final transient AttioWorkspace workspace;
  private final transient Clock clock;

  /**
   * @param acceptedToken the one bearer token this emulated workspace accepts
   * @param workspace the emulated workspace's identity
   */
  public AttioSandboxServlet(
      Supplier<String> acceptedToken, AttioWorkspace workspace, Clock clock) {
    this.acceptedToken = acceptedToken;
    this.workspace = workspace;
    this.clock = clock;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    Exchange ex = new Exchange(req, resp);
    if (!ex.bearerToken().filter(t -> t.equals(acceptedToken.get())).isPresent()) {
      error(ex, 401, "auth_error", "unauthorized", "Authentication failed. Check your API token.");
      return;
    }
    if (ex.method().equals("GET") && ex.path().equals("/v2/self")) {
      ex.json(200, self());
      return;
    }
    error(
        ex,
        404,
        "invalid_request_error",
        "not_found",
        "Route " + ex.method() + " " + ex.path() + " not found.");
  }

  private Map<String, Object> self() {
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

  /** Attio's error body: {status_code, type, code, message}. */
  static void error(Exchange ex, int status, String type, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status_code", status);
    body.put("type", type);
    body.put("code", code);
    body.put("message", message);
    ex.json(status, body);
  }
}
