package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuickBooksErrorsTest {
  @ParameterizedTest(name = "HTTP {0} code {1} is {2}")
  @CsvSource({
    "400, 6240, DuplicateName",
    "400, 5010, StaleObject",
    "400, 610, NotFound",
    "400, 6070, Validation",
    "400, 6140, Validation",
    "400, invalid_grant, ReconnectRequired",
    "401, 3200, Unauthorized",
    "401, , Unauthorized",
    "403, 3100, ReconnectRequired",
    "403, 120, ReconnectRequired",
    "429, 003001, RateLimited",
    "429, , RateLimited",
    "500, 10000, Transient",
    "503, , Transient",
    "0, , Transient",
    "200, 6000, Validation"
  })
  void every_failure_maps_to_one_typed_exception_keeping_code_status_and_tid(
      int status, String code, String type) {
    QuickBooksException e =
        QuickBooksErrors.from(new QuickBooksErrors.Details(status, code, "msg", "tid-1", null));

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.intuitTid()).isEqualTo("tid-1");
  }
}
