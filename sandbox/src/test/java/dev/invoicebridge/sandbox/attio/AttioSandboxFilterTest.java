package dev.invoicebridge.sandbox.attio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Records-query filters over HTTP: a bad filter is Attio's 400 {@code filter_error} whether the
 * object holds no record or records that would stop its evaluation early.
 */
class AttioSandboxFilterTest {
  @AutoClose private final AttioHttpProbe attio = new AttioHttpProbe();

  private HttpResponse<String> query(String object, String filter) {
    return attio.send(
        "POST", "/v2/objects/" + object + "/records/query", "{\"filter\":" + filter + "}");
  }

  private void adaAtAcmeWithTwoDeals() {
    String acme =
        attio
            .data(
                "POST",
                "/v2/objects/companies/records",
                "{\"data\":{\"values\":{\"name\":\"Acme\",\"domains\":[\"acme.com\"]}}}")
            .path("id")
            .path("record_id")
            .asString();
    attio.data(
        "POST",
        "/v2/objects/people/records",
        """
        {"data":{"values":{"name":"Lovelace, Ada","email_addresses":["ada@acme.com"],
          "company":[{"target_object":"companies","target_record_id":"%s"}]}}}"""
            .formatted(acme));
    String owner =
        attio.data("GET", "/v2/workspace_members", null).get(0).path("email_address").asString();
    for (String[] deal : new String[][] {{"Small", "99"}, {"Large", "1000"}}) {
      attio.data(
          "POST",
          "/v2/objects/deals/records",
          """
          {"data":{"values":{"name":"%s","stage":"Lead","owner":"%s","value":%s}}}"""
              .formatted(deal[0], owner, deal[1]));
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"$and\":[{\"name\":\"zz\"},{\"shoe_size\":1}]}                     | people",
        "{\"$or\":[{\"email_addresses\":\"ada@acme.com\"},{\"shoe_size\":1}]} | people",
        "{\"$not\":{\"shoe_size\":1}}                                         | people",
        "{\"$xor\":[{\"name\":\"Ada\"}]}                                      | people",
        "{\"name\":{\"$bogus\":1}}                                            | people",
        "{\"email_addresses\":{\"nope\":\"x\"}}                               | people",
        "{\"email_addresses\":{\"email_domain\":{\"$in\":\"acme.com\"}}}      | people",
        "{\"email_addresses\":{\"$not_empty\":\"yes\"}}                       | people",
        "{\"name\":{\"full_name\":{\"$contains\":5}}}                         | people",
        "{\"name\":[\"Ada\"]}                                                 | people",
        "{\"record_id\":{\"$in\":\"not-a-list\"}}                             | people",
        "{\"record_id\":{\"target\":\"x\"}}                                   | people",
        "{\"value\":{\"currency_value\":{\"$gt\":\"lots\"}}}                  | deals",
        "{\"path\":[[\"people\",\"company\"],[\"companies\",\"shoe_size\"]],\"constraints\":{\"$eq\":\"x\"}} | people",
        "{\"path\":[[\"people\",\"company\"],[\"deals\",\"name\"]],\"constraints\":{\"$eq\":\"x\"}}          | people",
        "{\"path\":[[\"people\",\"name\"],[\"companies\",\"name\"]],\"constraints\":{\"$eq\":\"x\"}}         | people",
        "{\"path\":[[\"ghosts\",\"company\"]],\"constraints\":{\"$eq\":\"x\"}}                              | people",
        "{\"path\":[[\"people\",\"company\"],[\"companies\",\"name\"]],\"constraints\":{\"$gt\":[1]}}       | people",
      })
  void a_bad_filter_is_a_filter_error_with_or_without_records(String filter, String object) {
    assertFilterError(query(object, filter));
    adaAtAcmeWithTwoDeals();
    assertFilterError(query(object, filter));
  }

  private static void assertFilterError(HttpResponse<String> r) {
    JsonNode body = AttioHttpProbe.json(r);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(body.path("type").asString()).isEqualTo("invalid_request_error");
    assertThat(body.path("code").asString()).isEqualTo("filter_error");
    assertThat(body.path("message").asString()).startsWith("Error in filter");
  }

  @Test
  void valid_filters_on_fields_paths_and_amounts_still_match() {
    adaAtAcmeWithTwoDeals();
    assertThat(
            query(
                    "people",
                    "{\"$and\":[{\"name\":{\"full_name\":{\"$contains\":\"ada\"}}},"
                        + "{\"email_addresses\":{\"email_domain\":\"acme.com\"}}]}")
                .statusCode())
        .isEqualTo(200);
    JsonNode viaPath =
        attio.data(
            "POST",
            "/v2/objects/people/records/query",
            "{\"filter\":{\"path\":[[\"people\",\"company\"],[\"companies\",\"name\"]],"
                + "\"constraints\":{\"$eq\":\"Acme\"}}}");
    assertThat(viaPath.size()).isEqualTo(1);
    // Amounts compare as numbers: 99 is not above 100 (as text "99" would be).
    JsonNode large =
        attio.data(
            "POST",
            "/v2/objects/deals/records/query",
            "{\"filter\":{\"value\":{\"currency_value\":{\"$gt\":100}}}}");
    assertThat(large.size()).isEqualTo(1);
    assertThat(large.get(0).path("values").path("name").get(0).path("value").asString())
        .isEqualTo("Large");
    JsonNode staged =
        attio.data(
            "POST",
            "/v2/objects/deals/records/query",
            "{\"filter\":{\"stage\":{\"active_from\":{\"$lt\":\"2999-01-01T00:00:00Z\"}}}}");
    assertThat(staged.size()).isEqualTo(2);
  }
}
