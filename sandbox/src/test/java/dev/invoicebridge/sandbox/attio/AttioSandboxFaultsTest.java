package dev.invoicebridge.sandbox.attio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fault injection through the control endpoint, over HTTP, for every kind of fault. */
class AttioSandboxFaultsTest {
  private static final String COMPANY = "{\"data\":{\"values\":{\"name\":\"Acme\"}}}";

  @AutoClose private final AttioHttpProbe attio = new AttioHttpProbe();

  private int fault(String json) {
    return attio.send("POST", "/_control/faults", json).statusCode();
  }

  private int companies() {
    return attio.data("POST", "/v2/objects/companies/records/query", "{}").size();
  }

  @Test
  void a_timeout_fault_holds_the_call_past_the_callers_timeout_and_never_applies_it() {
    assertThat(fault("{\"kind\":\"timeout\",\"count\":1,\"hang_ms\":1500}")).isEqualTo(200);
    assertThatThrownBy(
            () ->
                attio.send(
                    "POST", "/v2/objects/companies/records", COMPANY, Duration.ofMillis(200)))
        .hasRootCauseInstanceOf(HttpTimeoutException.class);

    assertThat(fault("{\"kind\":\"timeout\",\"count\":1,\"hang_ms\":100}")).isEqualTo(200);
    HttpResponse<String> late = attio.send("POST", "/v2/objects/companies/records", COMPANY);
    assertThat(late.statusCode()).isEqualTo(504);
    assertThat(AttioHttpProbe.json(late).path("code").asString()).isEqualTo("gateway_timeout");
    assertThat(companies()).isZero();
  }

  @Test
  void an_applied_timeout_fault_processes_the_call_and_only_then_holds_its_answer() {
    assertThat(fault("{\"kind\":\"timeout\",\"count\":1,\"hang_ms\":200,\"applied\":true}"))
        .isEqualTo(200);
    assertThat(attio.send("POST", "/v2/objects/companies/records", COMPANY).statusCode())
        .isEqualTo(200);
    assertThat(companies()).isEqualTo(1);
  }

  @Test
  void a_rate_limit_fault_answers_429_with_an_http_date_then_lets_calls_through() {
    assertThat(fault("{\"kind\":\"rate_limit\",\"count\":1}")).isEqualTo(200);
    Instant before = Instant.now();
    HttpResponse<String> limited = attio.send("GET", "/v2/objects", null);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(AttioHttpProbe.json(limited).path("type").asString()).isEqualTo("rate_limit_error");
    assertThat(AttioHttpProbe.json(limited).path("code").asString())
        .isEqualTo("rate_limit_exceeded");
    String header = limited.headers().firstValue("Retry-After").orElseThrow();
    // IMF-fixdate, the HTTP date form: two-digit day, English names, GMT.
    assertThat(header)
        .matches(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    Instant retryAt = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertThat(retryAt).isAfter(before);
    assertThat(attio.send("GET", "/v2/objects", null).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 404, 429, 499, 600})
  void a_server_error_fault_without_a_5xx_status_is_refused(int status) {
    HttpResponse<String> r =
        attio.send(
            "POST",
            "/_control/faults",
            "{\"kind\":\"server_error\",\"count\":1,\"status\":" + status + "}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(AttioHttpProbe.json(r).path("code").asString()).isEqualTo("validation_type");
    assertThat(attio.send("GET", "/v2/objects", null).statusCode()).isEqualTo(200);
  }

  @Test
  void an_unknown_fault_kind_is_refused() {
    assertThat(fault("{\"kind\":\"meteor\",\"count\":1}")).isEqualTo(400);
  }
}
