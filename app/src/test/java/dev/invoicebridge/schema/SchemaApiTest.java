package dev.invoicebridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxAppTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schema API over real HTTP against a fresh Attio emulator workspace. */
class SchemaApiTest extends SandboxAppTest {

  @Test
  void set_up_creates_the_invoices_object_and_a_second_run_writes_nothing() {
    JsonNode first = Http.json(send(http.postJson("/api/v1/schema/setup", "", auth()), 200));
    JsonNode second = Http.json(send(http.postJson("/api/v1/schema/setup", "", auth()), 200));
    JsonNode health = Http.json(send(http.get("/api/v1/schema", auth()), 200));

    assertThat(first.path("report").path("object").asString()).isIn("created", "present");
    assertThat(first.path("report").path("healthy").asBoolean()).isTrue();
    assertThat(second.path("report").path("writes").asInt()).isZero();
    assertThat(second.path("report").path("summary").asString()).startsWith("No changes");
    assertThat(health.path("report").path("attributes").findValuesAsString("state"))
        .hasSize(InvoiceField.values().length)
        .containsOnly("present");
    // The custom object is browsable like any other.
    assertThat(send(http.get("/api/v1/records/invoices", auth()), 200).body())
        .contains("\"records\"");
  }

  @Test
  void a_bad_mapping_gets_field_level_messages_and_nothing_is_saved() {
    String body =
        """
        {"object_slug": "Bad Slug!", "currency_code": "euro",
         "attributes": {"total": "amount", "amount_due": "amount", "colour": "x"}}
        """;

    JsonNode problem = Http.json(send(http.putJson("/api/v1/schema", body, auth()), 400));

    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder(
            "object_slug", "currency_code", "attributes.colour", "attributes.amount_due");
    JsonNode mapping = Http.json(send(http.get("/api/v1/schema", auth()), 200)).path("mapping");
    assertThat(mapping.path("object_slug").asString()).isEqualTo("invoices");
    assertThat(mapping.path("attributes").path("total").asString()).isEqualTo("total");
  }

  @Test
  void an_operator_token_cannot_read_or_change_the_schema() {
    JsonNode created =
        Http.json(
            http.postJson("/api/v1/tokens", "{\"name\":\"op\",\"scope\":\"operator\"}", auth()));
    String operator = created.path("secret").asString();

    assertThat(http.get("/api/v1/schema", "Authorization", Http.bearer(operator)).statusCode())
        .isEqualTo(403);
    assertThat(
            http.postJson("/api/v1/schema/setup", "", "Authorization", Http.bearer(operator))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.get("/api/v1/records/people", "Authorization", Http.bearer(operator)).statusCode())
        .isEqualTo(200);
  }

  private String[] auth() {
    return new String[] {"Authorization", Http.bearer(adminToken)};
  }

  private static HttpResponse<String> send(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }
}
