package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.security.ValidationFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shape of a pasted Stripe key, checked before Stripe is asked. */
class StripeKeysTest {
  // Live-mode keys are spelled in two pieces, so that nothing here reads as a leaked live key.
  private static final String LIVE = "_live_";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "sk" + LIVE + "EXAMPLEnotAkey0000",
        "rk_test_noinvoicewrite0001",
        "  rk" + LIVE + "EXAMPLEnotAkey0000\n"
      })
  void secret_and_restricted_keys_of_either_mode_are_accepted_without_surrounding_blanks(
      String pasted) {
    assertThat(StripeKeys.parse(pasted).reveal()).isEqualTo(pasted.strip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|is required",
        "pk" + LIVE + "EXAMPLEnotAkey0000|is a publishable key",
        "whsec_abcdefghijklmnop|is a webhook signing secret",
        "sk_test_short|must start with sk_test_, sk_live_, rk_test_ or rk_live_",
        "sk_prod_EXAMPLE0123456789|must start with sk_test_",
        "sk_test_EXAMPLE 0123456789|must start with sk_test_",
        "ak_test_EXAMPLE0123456789|must start with sk_test_"
      })
  void anything_else_is_a_field_error_on_secret_key_that_does_not_repeat_it(
      String pasted, String message) {
    assertThatThrownBy(() -> StripeKeys.parse(pasted))
        .isInstanceOfSatisfying(
            ValidationFailure.class,
            e -> {
              assertThat(e.fieldErrors()).containsOnlyKeys("secret_key");
              assertThat(e.fieldErrors().get("secret_key")).contains(message);
              if (!pasted.isEmpty()) {
                assertThat(e.fieldErrors().get("secret_key")).doesNotContain(pasted);
              }
            });
  }
}
