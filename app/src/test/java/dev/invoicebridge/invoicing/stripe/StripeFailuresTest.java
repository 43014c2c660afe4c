package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.sandbox.stripe.StripeFault;
import dev.invoicebridge.vault.Secret;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StripeFailuresTest {
  private static StripeSandboxRig rig;

  @BeforeAll
  static void start() {
    rig = new StripeSandboxRig();
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void a_wrong_key_is_an_authentication_failure() {
    assertThatThrownBy(
            () -> rig.invoicing("sk_test_wrong").catalog().activePrices(Optional.empty(), 10))
        .isInstanceOfSatisfying(
            StripeFailure.Authentication.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
  }

  @Test
  void server_errors_are_retried_until_the_call_succeeds() {
    rig.sandbox().injectFaults(StripeFault.SERVER_ERROR, 2);

    assertThat(rig.invoicing().catalog().activePrices(Optional.empty(), 10).items()).isNotNull();
  }

  @Test
  void rate_limiting_beyond_the_attempts_surfaces_as_rate_limited() {
    rig.sandbox().injectFaults(StripeFault.RATE_LIMIT, 3);

    assertThatThrownBy(() -> rig.invoicing().catalog().activePrices(Optional.empty(), 10))
        .isInstanceOfSatisfying(
            StripeFailure.RateLimited.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(429);
              assertThat(e.transientFailure()).isTrue();
            });
  }

  @Test
  void the_test_mode_rate_limit_answers_429_once_the_second_is_used_up() {
    rig.sandbox().rateLimitPerSecond(2);
    try {
      StripeInvoicing oneAttempt =
          StripeInvoicing.connect(
              new StripeSettings(
                  new Secret(StripeSandboxRig.SECRET_KEY), rig.baseUri(), Duration.ofSeconds(5), 1),
              d -> {});
      // Three reads in the same second, as far as any test machine goes: the third is refused.
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 3; i++) {
                  oneAttempt.catalog().activePrices(Optional.empty(), 1);
                }
              })
          .isInstanceOf(StripeFailure.RateLimited.class);
    } finally {
      rig.sandbox().rateLimitPerSecond(0);
    }
  }

  @Test
  void a_timeout_is_a_connection_failure() {
    rig.sandbox().timeoutDelay(Duration.ofMillis(1_500));
    rig.sandbox().injectFaults(StripeFault.TIMEOUT, 1);
    StripeInvoicing impatient =
        StripeInvoicing.connect(
            new StripeSettings(
                new Secret(StripeSandboxRig.SECRET_KEY), rig.baseUri(), Duration.ofMillis(500), 1),
            d -> {});

    assertThatThrownBy(() -> impatient.catalog().activePrices(Optional.empty(), 10))
        .isInstanceOf(StripeFailure.Connection.class);
  }

  @Test
  void an_invalid_parameter_is_named() {
    assertThatThrownBy(
            () ->
                rig.invoicing()
                    .invoices()
                    .create(
                        new NewInvoice(
                            "bad-customer",
                            new StripeCustomerId("cus_doesnotexist"),
                            java.time.LocalDate.now(),
                            "usd",
                            Optional.empty(),
                            new NewInvoice.CrmLink("ws", "people", "r")),
                        java.util.List.of()))
        .isInstanceOfSatisfying(
            StripeFailure.NotFound.class,
            e -> {
              assertThat(e.param()).contains("customer");
              assertThat(e.providerCode()).contains("resource_missing");
            });
  }

  @Test
  void messages_never_carry_keys_or_webhook_secrets() {
    String redacted =
        StripeFailure.redact(
            "Invalid API Key provided: sk_live_****1234 for rk_test_abc; body {\"secret\":\"whsec_Zx9\"}");

    assertThat(redacted)
        .doesNotContain("1234", "rk_test_abc", "whsec_Zx9")
        .contains("sk_live_[redacted]", "whsec_[redacted]");
  }
}
