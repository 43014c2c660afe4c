package dev.invoicebridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxAppTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The service as a newcomer meets it: sandbox mode, embedded database, real HTTP. */
class ApplicationTest extends SandboxAppTest {
  @Test
  void health_is_up_with_the_database_and_each_connection_as_components() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode health = Http.json(http.get("/actuator/health"));
              assertThat(health.path("status").asString()).isEqualTo("UP");
              assertThat(health.path("components").path("db").path("status").asString())
                  .isEqualTo("UP");
              JsonNode connections =
                  health.path("components").path("connections").path("components");
              assertThat(connections.propertyNames())
                  .containsExactlyInAnyOrder("attio", "stripe", "quickbooks");
              connections.forEach(c -> assertThat(c.path("status").asString()).isEqualTo("UP"));
            });
    JsonNode detailed =
        Http.json(http.get("/actuator/health", "Authorization", Http.bearer(adminToken)));
    assertThat(
            detailed
                .path("components")
                .path("connections")
                .path("components")
                .path("stripe")
                .path("details")
                .path("account")
                .asString())
        .isEqualTo("Invoicebridge Sandbox Ltd");
  }

  @Test
  void the_sandbox_token_file_holds_a_working_admin_token() {
    HttpResponse<String> response =
        http.get("/api/v1/workspace", "Authorization", Http.bearer(adminToken));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode workspace = Http.json(response);
    assertThat(workspace.path("slug").asString()).isEqualTo("default");
    assertThat(workspace.path("role").asString()).isEqualTo("admin");
    assertThat(workspace.path("connections").findValuesAsString("mode")).containsOnly("sandbox");
  }

  @Test
  void the_api_answers_missing_or_unknown_tokens_with_problem_json() {
    HttpResponse<String> none = http.get("/api/v1/workspace");
    HttpResponse<String> unknown =
        http.get("/api/v1/workspace", "Authorization", "Bearer ib_not_a_real_token");

    for (HttpResponse<String> r : java.util.List.of(none, unknown)) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
      assertThat(Http.json(r).path("status").asInt()).isEqualTo(401);
    }
  }

  @Test
  void a_token_is_shown_once_listed_without_its_value_and_stops_working_when_revoked() {
    HttpResponse<String> created =
        http.postJson(
            "/api/v1/tokens",
            "{\"name\":\"zapier\",\"scope\":\"operator\"}",
            "Authorization",
            Http.bearer(adminToken));
    assertThat(created.statusCode()).isEqualTo(201);
    String secret = Http.json(created).path("secret").asString();
    String id = Http.json(created).path("token").path("id").asString();
    assertThat(secret).startsWith("ib_");

    HttpResponse<String> list =
        http.get("/api/v1/tokens", "Authorization", Http.bearer(adminToken));
    assertThat(list.body()).contains("zapier").doesNotContain(secret).doesNotContain("\"secret\"");
    assertThat(http.get("/api/v1/workspace", "Authorization", Http.bearer(secret)).statusCode())
        .isEqualTo(200);
    // An operator token may not manage tokens.
    HttpResponse<String> forbidden =
        http.get("/api/v1/tokens", "Authorization", Http.bearer(secret));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(Http.json(forbidden).path("detail").asString()).contains("admin token");

    HttpResponse<String> revoked =
        http.delete("/api/v1/tokens/" + id, "Authorization", Http.bearer(adminToken));
    assertThat(Http.json(revoked).path("revoked_at").isNull()).isFalse();
    assertThat(http.get("/api/v1/workspace", "Authorization", Http.bearer(secret)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void bad_input_gets_field_level_messages_and_writes_nothing() {
    int before =
        Http.json(http.get("/api/v1/tokens", "Authorization", Http.bearer(adminToken))).size();

    HttpResponse<String> bad =
        http.postJson(
            "/api/v1/tokens",
            "{\"name\":\"\",\"scope\":\"owner\"}",
            "Authorization",
            Http.bearer(adminToken));
    HttpResponse<String> malformed =
        http.postJson("/api/v1/tokens", "{\"name\":", "Authorization", Http.bearer(adminToken));

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(Http.json(bad).path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("name", "scope");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Http.json(malformed).path("detail").asString()).contains("not valid JSON");
    assertThat(
            Http.json(http.get("/api/v1/tokens", "Authorization", Http.bearer(adminToken))).size())
        .isEqualTo(before);
  }

  @Test
  void every_response_carries_a_request_id_and_a_well_formed_one_is_echoed() {
    assertThat(http.get("/login").headers().firstValue("X-Request-Id"))
        .get()
        .asString()
        .startsWith("req_");
    assertThat(
            http.get("/actuator/health", "X-Request-Id", "trace-1234abcd")
                .headers()
                .firstValue("X-Request-Id"))
        .contains("trace-1234abcd");
    assertThat(
            http.get("/actuator/health", "X-Request-Id", "bad id <script>")
                .headers()
                .firstValue("X-Request-Id"))
        .get()
        .asString()
        .startsWith("req_");
  }

  @Test
  void the_openapi_document_describes_the_api_as_clients_see_it() {
    JsonNode doc = Http.json(http.get("/v3/api-docs"));

    assertThat(doc.path("info").path("title").asString()).isEqualTo("Invoicebridge API");
    assertThat(doc.path("paths").propertyNames()).contains("/api/v1/tokens", "/api/v1/workspace");
    assertThat(
            doc.path("components")
                .path("schemas")
                .path("TokenView")
                .path("properties")
                .propertyNames())
        .contains("created_at", "last_used_at")
        .doesNotContain("createdAt");
  }

  @Test
  void web_pages_need_a_login_and_settings_need_an_admin() {
    assertThat(http.get("/records").uri().getPath()).isEqualTo("/login");

    Http operator = logIn("operator");
    assertThat(operator.get("/records").body()).contains("Records").contains("Sandbox");
    assertThat(operator.get("/invoices").statusCode()).isEqualTo(200);
    assertThat(operator.get("/settings").statusCode()).isEqualTo(403);

    Http admin = logIn("admin");
    HttpResponse<String> settings = admin.get("/settings");
    assertThat(settings.statusCode()).isEqualTo(200);
    assertThat(settings.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'self'");
    assertThat(settings.headers().firstValue("X-Frame-Options")).contains("DENY");

    HttpResponse<String> created =
        admin.postForm(
            "/settings",
            "/settings/users",
            Map.of("username", "bo", "password", "x", "role", "operator"));
    assertThat(created.body())
        .contains("Username must be 3-100")
        .contains("Password must be at least 12");
  }

  @Test
  void the_session_cookie_is_http_only_and_same_site() {
    List<String> cookies = http.get("/login").headers().allValues("Set-Cookie");

    assertThat(cookies)
        .filteredOn(c -> c.startsWith("IBSESSION="))
        .singleElement()
        .satisfies(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
  }

  @Test
  void forms_without_a_csrf_token_are_refused() {
    Http admin = logIn("admin");
    HttpResponse<String> response =
        admin.postJson(
            "/settings/tokens", "{}", "Content-Type", "application/x-www-form-urlencoded");
    assertThat(response.statusCode()).isEqualTo(403);
  }
}
