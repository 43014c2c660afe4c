package dev.invoicebridge.attio.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.SandboxServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract check itself: it routes calls to operations and does reject what breaks them. */
class OpenApiContractTest {
  private static OpenApiContract contract;

  @BeforeAll
  static void load() {
    Optional<OpenApiContract> loaded = OpenApiContract.load();
    String absent =
        "Attio's OpenAPI document ("
            + OpenApiContract.WHERE
            + ") is absent: the Attio contract suite is skipped and the sandbox runs unchecked";
    if (loaded.isEmpty() && OpenApiContract.required()) {
      throw new AssertionError(absent + ", but this run requires it (CI)");
    }
    Assumptions.assumeTrue(loaded.isPresent(), absent);
    contract = loaded.get();
  }

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  @Test
  void calls_are_routed_to_the_most_specific_operation() {
    assertThat(contract.template("POST", "/v2/objects/people/records/query"))
        .contains("/v2/objects/{object}/records/query");
    assertThat(
            contract.template(
                "GET", "/v2/objects/people/records/7d1c0e4e-6d8f-4a51-9b1f-2b1d7b0e9a10"))
        .contains("/v2/objects/{object}/records/{record_id}");
    assertThat(contract.template("PUT", "/v2/objects/people/records"))
        .contains("/v2/objects/{object}/records");
    assertThat(contract.template("DELETE", "/v2/objects")).isEmpty();
  }

  @Test
  void a_response_missing_a_required_field_is_a_violation() {
    JsonNode body =
        json(
            """
            {"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
              "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},
              "singular_noun":"Invoice","plural_noun":"Invoices","created_at":"2022-11-21T13:22:49.061281000Z"}}""");
    assertThat(contract.checkResponse("GET", "/v2/objects/{object}", 200, body))
        .anySatisfy(v -> assertThat(v.message()).contains("api_slug"));
  }

  @Test
  void a_well_formed_response_passes() {
    JsonNode body =
        json(
            """
            {"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
              "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},"api_slug":"invoices",
              "singular_noun":"Invoice","plural_noun":"Invoices","created_at":"2022-11-21T13:22:49.061281000Z"}}""");
    assertThat(contract.checkResponse("GET", "/v2/objects/{object}", 200, body)).isEmpty();
  }

  @Test
  void a_request_of_the_wrong_shape_and_an_undocumented_status_are_violations() {
    assertThat(
            contract.checkRequest(
                "POST", "/v2/objects", json("{\"data\":{\"api_slug\":\"invoices\"}}")))
        .isNotEmpty();
    assertThat(contract.checkResponse("GET", "/v2/objects", 418, json("{}"))).isNotEmpty();
  }

  @Test
  void query_parameters_are_checked_against_their_declarations() {
    String template = "/v2/objects/{object}/records";
    assertThat(
            contract.checkParameters(
                "PUT",
                template,
                "/v2/objects/people/records",
                Map.of("matching_attribute", "email_addresses")))
        .isEmpty();
    assertThat(contract.checkParameters("PUT", template, "/v2/objects/people/records", Map.of()))
        .anySatisfy(v -> assertThat(v.message()).contains("required"));
    assertThat(
            contract.checkParameters("GET", "/v2/webhooks", "/v2/webhooks", Map.of("limit", "ten")))
        .isNotEmpty();
    assertThat(
            contract.checkParameters("GET", "/v2/webhooks", "/v2/webhooks", Map.of("cursor", "x")))
        .anySatisfy(v -> assertThat(v.message()).contains("not declared"));
  }

  /** An emulator that answers GET /v2/objects/{object} without the required api_slug. */
  private static final class BrokenEmulator extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setStatus(200);
      resp.setContentType("application/json");
      resp.getOutputStream()
          .write("{\"data\":{\"singular_noun\":\"Invoice\"}}".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void the_checking_servlet_records_what_an_emulator_gets_wrong() throws Exception {
    ContractLedger.clear();
    var mounted = new ContractCheckingServlet(new BrokenEmulator(), contract);
    try (var server = SandboxServer.start(0, Map.of("attio", mounted));
        var http = HttpClient.newHttpClient()) {
      http.send(
          HttpRequest.newBuilder(
                  URI.create(server.baseUri("attio") + "/v2/objects/invoices?bogus=1"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
    assertThat(ContractLedger.violations())
        .anySatisfy(v -> assertThat(v).contains("api_slug"))
        .anySatisfy(v -> assertThat(v).contains("bogus"));
    ContractLedger.clear();
  }
}
