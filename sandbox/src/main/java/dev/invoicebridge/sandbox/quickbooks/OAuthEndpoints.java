package dev.invoicebridge.sandbox.quickbooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Intuit's OAuth pages and endpoints at Intuit's paths: the consent page ({@code /connect/oauth2}),
 * token ({@code /oauth2/v1/tokens/bearer}), revoke ({@code /v2/oauth2/tokens/revoke}) and userinfo
 * ({@code /v1/openid_connect/userinfo}).
 */
final class OAuthEndpoints {
  private final QuickBooksSandbox sandbox;
  private final OAuthServer oauth;

  OAuthEndpoints(QuickBooksSandbox sandbox, OAuthServer oauth) {
    this.sandbox = sandbox;
    this.oauth = oauth;
  }

  /** Handles the request if it is an OAuth one; false otherwise. */
  boolean handle(QboExchange ex) {
    switch (ex.method() + " " + ex.path()) {
      case "GET /connect/oauth2" -> consentPage(ex);
      case "POST /connect/oauth2" -> consent(ex);
      case "POST /oauth2/v1/tokens/bearer" -> token(ex);
      case "POST /v2/oauth2/tokens/revoke" -> revoke(ex);
      case "GET /v1/openid_connect/userinfo" -> userInfo(ex);
      case "GET /op/v1/jwks" -> ex.json(200, oauth.idTokens().jwks());
      default -> {
        return false;
      }
    }
    return true;
  }

  private void consentPage(QboExchange ex) {
    String clientId = ex.query("client_id").orElse("");
    Optional<String> redirect = ex.query("redirect_uri");
    if (!oauth.knownClient(clientId)
        || redirect.isEmpty()
        || !"code".equals(ex.query("response_type").orElse(""))) {
      ex.write(
          400,
          "text/html;charset=UTF-8",
          page("<p>Invalid client_id, redirect_uri or response_type.</p>"));
      return;
    }
    // An unregistered redirect_uri gets an error page, never a redirect (it could be anyone's).
    if (!oauth.registeredRedirect(redirect.get())) {
      ex.write(400, "text/html;charset=UTF-8", unregistered());
      return;
    }
    StringBuilder form = new StringBuilder();
    form.append("<form method=\"post\" action=\"oauth2\">");
    hidden(form, "client_id", clientId);
    hidden(form, "redirect_uri", redirect.get());
    hidden(form, "state", ex.query("state").orElse(""));
    hidden(form, "scope", ex.query("scope").orElse(""));
    form.append("<p>Invoicebridge wants to connect to a sandbox company.</p>");
    boolean first = true;
    for (SandboxCompany c : sandbox.companies()) {
      form.append("<label><input type=\"radio\" name=\"realmId\" value=\"")
          .append(escape(c.realmId()))
          .append(first ? "\" checked>" : "\">")
          .append(escape(c.name()))
          .append("</label><br>");
      first = false;
    }
    form.append("<button name=\"action\" value=\"connect\">Connect</button>")
        .append("<button name=\"action\" value=\"cancel\">Cancel</button></form>");
    ex.write(200, "text/html;charset=UTF-8", page(form.toString()));
  }

  private void consent(QboExchange ex) {
    Map<String, String> f = ex.form();
    String redirect = f.getOrDefault("redirect_uri", "");
    if (!oauth.knownClient(f.get("client_id")) || redirect.isEmpty()) {
      ex.write(400, "text/html;charset=UTF-8", page("<p>Invalid client_id or redirect_uri.</p>"));
      return;
    }
    if (!oauth.registeredRedirect(redirect)) {
      ex.write(400, "text/html;charset=UTF-8", unregistered());
      return;
    }
    Map<String, String> q = new LinkedHashMap<>();
    String realm = f.getOrDefault("realmId", "");
    if (!"connect".equals(f.get("action")) || sandbox.company(realm).isEmpty()) {
      q.put("error", "access_denied");
    } else {
      q.put("code", oauth.issueCode(realm, redirect, f.getOrDefault("scope", "")));
      q.put("realmId", realm);
    }
    q.put("state", f.getOrDefault("state", ""));
    ex.redirect(redirect + (redirect.contains("?") ? "&" : "?") + form(q));
  }

  private void token(QboExchange ex) {
    ex.header("intuit_tid", UUID.randomUUID().toString());
    if (!oauth.clientAuthenticated(ex.header("Authorization").orElse(""))) {
      ex.json(401, Map.of("error", "invalid_client"));
      return;
    }
    Map<String, String> f = ex.form();
    boolean hard =
        "true".equalsIgnoreCase(ex.header("x-include-refresh-token-hard-expires-in").orElse(""));
    Optional<Map<String, Object>> issued =
        switch (f.getOrDefault("grant_type", "")) {
          case "authorization_code" -> oauth.exchange(f.get("code"), f.get("redirect_uri"), hard);
          case "refresh_token" -> oauth.refresh(f.get("refresh_token"), hard);
          default -> null;
        };
    if (issued == null) {
      ex.json(400, Map.of("error", "unsupported_grant_type"));
    } else if (issued.isEmpty()) {
      ex.json(400, Map.of("error", "invalid_grant", "error_description", "Token invalid"));
    } else {
      ex.json(200, issued.get());
    }
  }

  private void revoke(QboExchange ex) {
    ex.header("intuit_tid", UUID.randomUUID().toString());
    if (!oauth.clientAuthenticated(ex.header("Authorization").orElse(""))) {
      ex.json(401, Map.of("error", "invalid_client"));
      return;
    }
    JsonNode token = ex.jsonBody().path("token");
    if (!token.isString()) {
      ex.json(400, Map.of("error", "invalid_request"));
      return;
    }
    oauth.revoke(token.asString());
    ex.write(200, "application/json", new byte[0]);
  }

  private void userInfo(QboExchange ex) {
    Optional<String> grant = oauth.grantFor(ex.bearerToken().orElse(null));
    if (grant.isEmpty()) {
      ex.header("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"");
      ex.json(401, Map.of("error", "invalid_token"));
      return;
    }
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("sub", OAuthServer.subject(grant.get()));
    user.put("email", "admin@sandbox.invoicebridge.dev");
    user.put("emailVerified", true);
    user.put("givenName", "Sandbox");
    user.put("familyName", "Admin");
    ex.json(200, user);
  }

  private static byte[] unregistered() {
    return page(
        "<p>The redirect_uri is not one of the redirect URIs registered for this app"
            + " (they must match exactly).</p>");
  }

  private static byte[] page(String body) {
    return ("<!doctype html><html><head><title>Intuit sandbox: connect</title></head><body>"
            + "<h1>Connect to QuickBooks (sandbox)</h1>"
            + body
            + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void hidden(StringBuilder form, String name, String value) {
    form.append("<input type=\"hidden\" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(escape(value))
        .append("\">");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String form(Map<String, String> q) {
    StringBuilder out = new StringBuilder();
    q.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
