package dev.invoicebridge.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxAppTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The record browser's API over real HTTP, backed by the Attio emulator's seeded workspace. */
class RecordsApiTest extends SandboxAppTest {

  @Test
  void objects_start_with_people_companies_and_deals() {
    JsonNode objects = get("/api/v1/objects", 200);

    assertThat(objects.findValuesAsString("slug"))
        .startsWith("people", "companies", "deals")
        .doesNotContain("users", "workspaces");
  }

  @Test
  void people_are_listed_with_name_and_primary_email_one_page_at_a_time() {
    JsonNode first = get("/api/v1/records/people?limit=5", 200);
    JsonNode second = get("/api/v1/records/people?limit=5&offset=5", 200);

    assertThat(first.path("records")).hasSize(5);
    assertThat(first.path("has_more").asBoolean()).isTrue();
    for (JsonNode person : first.path("records")) {
      assertThat(person.path("record_id").asString()).isNotBlank();
      assertThat(person.path("display_name").asString()).isNotBlank();
      assertThat(person.path("primary_email").asString()).contains("@");
    }
    assertThat(first.path("records").findValuesAsString("record_id"))
        .doesNotContainAnyElementsOf(second.path("records").findValuesAsString("record_id"));
    List<String> names = new ArrayList<>(first.path("records").findValuesAsString("display_name"));
    assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    // The client's counters reach the metrics endpoint.
    assertThat(http.get("/actuator/prometheus", "Authorization", Http.bearer(adminToken)).body())
        .contains("invoicebridge_attio_requests_seconds_count{kind=\"read\",status=\"200\"}");
  }

  @Test
  void a_query_keeps_only_records_whose_name_or_email_contains_it() {
    JsonNode all = get("/api/v1/records/people?limit=100", 200);
    String name = all.path("records").get(3).path("display_name").asString();
    String term = name.split(" ")[0].toLowerCase(Locale.ROOT);

    JsonNode found = get("/api/v1/records/people?query=" + term, 200);

    assertThat(found.path("records")).isNotEmpty();
    assertThat(found.path("records").size()).isLessThan(all.path("records").size());
    for (JsonNode person : found.path("records")) {
      String text =
          (person.path("display_name").asString() + " " + person.path("primary_email").asString())
              .toLowerCase(Locale.ROOT);
      assertThat(text).contains(term);
    }
    assertThat(get("/api/v1/records/people?query=zz-nobody-zz", 200).path("records")).isEmpty();
  }

  @Test
  void companies_and_deals_are_listed_by_name() {
    assertThat(
            get("/api/v1/records/companies", 200)
                .path("records")
                .findValuesAsString("display_name"))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n).isNotBlank());
    assertThat(get("/api/v1/records/deals", 200).path("records")).isNotEmpty();
  }

  @Test
  void an_unknown_object_is_a_404_problem() {
    HttpResponse<String> response =
        http.get("/api/v1/records/spaceships", "Authorization", Http.bearer(adminToken));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void bad_paging_parameters_get_field_level_messages() {
    JsonNode problem = get("/api/v1/records/people?limit=0&offset=-1", 400);

    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("limit", "offset");
    assertThat(
            get("/api/v1/records/people?limit=abc", 400)
                .path("errors")
                .findValuesAsString("message"))
        .containsExactly("must be a whole number from 1 to 100");
  }

  private JsonNode get(String path, int status) {
    HttpResponse<String> response = http.get(path, "Authorization", Http.bearer(adminToken));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Http.json(response);
  }
}
