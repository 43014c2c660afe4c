package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.ConnectionProbe;
import dev.invoicebridge.connection.ConnectionTarget;
import dev.invoicebridge.sandbox.stripe.StripeFault;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.vault.Secret;
import java.time.Duration;
import java.time.Instant;
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
    // A clock that stands still keeps all three calls in one rate-limit window on any machine.
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (StripeSandboxRig still = new StripeSandboxRig(clock)) {
      still.sandbox().rateLimitPerSecond(2);
      StripeInvoicing oneAttempt =
          StripeInvoicing.connect(
              new StripeSettings(
                  new Secret(StripeSandboxRig.SECRET_KEY),
                  still.baseUri(),
                  Duration.ofSeconds(5),
                  1),
              d -> {});
      oneAttempt.catalog().activePrices(Optional.empty(), 1);
      oneAttempt.catalog().activePrices(Optional.empty(), 1);

      assertThatThrownBy(() -> oneAttempt.catalog().activePrices(Optional.empty(), 1))
          .isInstanceOf(StripeFailure.RateLimited.class);
      clock.advance(Duration.ofSeconds(1));
      assertThat(oneAttempt.catalog().activePrices(Optional.empty(), 1).items()).isNotNull();
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
  void a_refused_parameter_is_an_invalid_request_that_names_it() {
    StripeCalls calls = calls(StripeSandboxRig.SECRET_KEY);
    CustomerCreateParams misspelt =
        CustomerCreateParams.builder().putExtraParam("emial", "x@example.com").build();

    assertThatThrownBy(() -> calls.call(c -> c.v1().customers().create(misspelt)))
        .isExactlyInstanceOf(StripeFailure.InvalidRequest.class)
        .isInstanceOfSatisfying(
            StripeFailure.InvalidRequest.class,
            e -> {
              assertThat(e.param()).contains("emial");
              assertThat(e.providerCode()).contains("parameter_unknown");
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.transientFailure()).isFalse();
            });
  }

  @Test
  void a_reused_idempotency_key_with_other_parameters_is_a_state_conflict() {
    StripeCalls calls = calls(StripeSandboxRig.SECRET_KEY);
    RequestOptions key = StripeCalls.idempotent("failures-reused-key");
    calls.call(
        c ->
            c.v1()
                .customers()
                .create(CustomerCreateParams.builder().setEmail("a@reuse.example").build(), key));

    assertThatThrownBy(
            () ->
                calls.call(
                    c ->
                        c.v1()
                            .customers()
                            .create(
                                CustomerCreateParams.builder().setEmail("b@reuse.example").build(),
                                key)))
        .isInstanceOfSatisfying(
            StripeFailure.StateConflict.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getCause()).isInstanceOf(IdempotencyException.class);
            });
  }

  @Test
  void a_409_is_a_state_conflict_that_is_retried() {
    // Stripe answers 409 for a concurrent request on the same key or a lock timeout; stripe-java
    // raises it as a plain ApiException. Provoking one needs two requests racing on Stripe's side,
    // so the mapping is checked on the exception stripe-java builds.
    ApiException concurrent =
        new ApiException("Another request is in progress.", "req_409", "lock_timeout", 409, null);

    StripeFailure failure = StripeErrors.map(concurrent);

    assertThat(failure)
        .isInstanceOfSatisfying(
            StripeFailure.StateConflict.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(409);
              assertThat(e.requestId()).contains("req_409");
              assertThat(e.providerCode()).contains("lock_timeout");
            });
    assertThat(new RetryPolicy(3).backoff(failure, 1)).isPresent();
    assertThat(new RetryPolicy(3).backoff(failure, 3)).isEmpty();
  }

  @Test
  void the_connection_probe_describes_failures_through_the_same_mapping() {
    String restricted = "rk_test_probe0000000000account";
    rig.sandbox().grantRestrictedKey(restricted, java.util.Set.of("customer_read"));
    StripeProbe probe = new StripeProbe();

    assertThatThrownBy(() -> probe.probe(target("sk_test_wrongkey123456")))
        .isInstanceOf(ConnectionProbe.ProbeFailure.class)
        .hasMessage("Stripe rejected the API key (HTTP 401): it is wrong, revoked or expired.")
        .hasNoCause();
    // A restricted key may not read the account: no failure, no name, and what it lacks named.
    var limited = probe.probe(target(restricted));
    assertThat(limited.accountName()).isEmpty();
    assertThat(limited.environment()).contains("test");
    assertThat(limited.missingPermissions())
        .extracting(m -> m.name())
        .contains("Invoices Write")
        .allSatisfy(name -> assertThat(name).doesNotContain(restricted.substring(8)));
    assertThat(probe.probe(target(StripeSandboxRig.SECRET_KEY)).accountName())
        .contains("Invoicebridge Sandbox Ltd");
  }

  private static ConnectionTarget target(String key) {
    return new ConnectionTarget(ConnectionKind.STRIPE, rig.baseUri(), new Secret(key), null, null);
  }

  private static StripeCalls calls(String key) {
    return new StripeCalls(
        new StripeSettings(new Secret(key), rig.baseUri(), Duration.ofSeconds(5), 3), d -> {});
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
