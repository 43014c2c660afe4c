package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttioErrorsTest {
  private static AttioException answer(int status, String code) {
    return AttioErrors.fromAnswer(
        new AttioErrorDetails(status, "invalid_request_error", code, "req_1"),
        "message",
        Instant.EPOCH);
  }

  @Test
  void each_status_maps_to_one_exception_type_carrying_attios_details() {
    assertThat(answer(400, "value_not_found")).isInstanceOf(AttioValidationException.class);
    assertThat(answer(401, "unauthorized")).isInstanceOf(AttioAuthException.class);
    assertThat(answer(403, "billing_error")).isInstanceOf(AttioAuthException.class);
    assertThat(answer(404, "not_found")).isInstanceOf(AttioNotFoundException.class);
    assertThat(answer(409, "slug_conflict")).isInstanceOf(AttioConflictException.class);
    assertThat(answer(422, null)).isInstanceOf(AttioValidationException.class);
    assertThat(answer(429, "rate_limit_exceeded"))
        .isInstanceOfSatisfying(
            AttioRateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Instant.EPOCH));
    assertThat(answer(400, "uniqueness_conflict"))
        .satisfies(e -> assertThat(e.code()).isEqualTo("uniqueness_conflict"))
        .satisfies(e -> assertThat(e.requestId()).isEqualTo("req_1"))
        .satisfies(e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void server_errors_are_transient_and_only_503_is_known_to_be_unprocessed() {
    assertThat(answer(503, null))
        .isInstanceOfSatisfying(
            AttioTransientException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
    for (int status : new int[] {408, 500, 502, 504, 599}) {
      assertThat(answer(status, null))
          .isInstanceOfSatisfying(
              AttioTransientException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    }
  }

  @Test
  void no_answer_is_transient_and_says_whether_the_call_may_have_been_applied() {
    assertThat(AttioErrors.noAnswer(false, null))
        .isInstanceOfSatisfying(
            AttioTransientException.class, e -> assertThat(e.outcomeUnknown()).isFalse())
        .satisfies(e -> assertThat(e.statusCode()).isZero());
    assertThat(AttioErrors.noAnswer(true, null))
        .isInstanceOfSatisfying(
            AttioTransientException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
  }
}
