package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.attio.RetryRules.Attempt;
import dev.invoicebridge.attio.RetryRules.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final AttioClientSettings.RetryPolicy POLICY =
      new AttioClientSettings.RetryPolicy(4, Duration.ofSeconds(30), Duration.ofSeconds(60));
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");

  private static Optional<Duration> after(int status, String code, boolean safe) {
    return RetryRules.delay(
        new Attempt(
            1, safe, Failure.ANSWERED, new AttioErrorDetails(status, "t", code, null), null),
        NOW,
        POLICY,
        RANDOM);
  }

  @Test
  void a_429_waits_until_its_retry_after_date_for_any_call() {
    Optional<Duration> delay =
        RetryRules.delay(
            new Attempt(
                1,
                false,
                Failure.ANSWERED,
                new AttioErrorDetails(429, "rate_limit_error", "rate_limit_exceeded", null),
                NOW.plusSeconds(3)),
            NOW,
            POLICY,
            RANDOM);
    assertThat(delay)
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3050)));
  }

  @Test
  void a_429_beyond_the_longest_wait_is_not_retried() {
    Optional<Duration> delay =
        RetryRules.delay(
            new Attempt(
                1,
                true,
                Failure.ANSWERED,
                new AttioErrorDetails(429, "rate_limit_error", null, null),
                NOW.plusSeconds(60)),
            NOW,
            POLICY,
            RANDOM);
    assertThat(delay).isEmpty();
  }

  @Test
  void server_errors_are_retried_only_for_safe_calls() {
    for (int status : new int[] {408, 500, 502, 503, 504}) {
      assertThat(after(status, null, true)).as("safe %s", status).isPresent();
      assertThat(after(status, null, false)).as("unsafe %s", status).isEmpty();
    }
  }

  @Test
  void a_slug_conflict_is_final_but_a_concurrent_write_conflict_is_retried() {
    assertThat(after(409, "slug_conflict", true)).isEmpty();
    assertThat(after(409, null, false)).isPresent();
  }

  @Test
  void client_errors_are_final() {
    for (int status : new int[] {400, 401, 403, 404}) {
      assertThat(after(status, "x", true)).isEmpty();
    }
  }

  @Test
  void a_call_that_never_left_is_retried_and_one_that_got_no_answer_only_when_safe() {
    assertThat(
            RetryRules.delay(
                new Attempt(1, false, Failure.NOT_SENT, null, null), NOW, POLICY, RANDOM))
        .isPresent();
    assertThat(
            RetryRules.delay(
                new Attempt(1, false, Failure.NO_ANSWER, null, null), NOW, POLICY, RANDOM))
        .isEmpty();
    assertThat(
            RetryRules.delay(
                new Attempt(1, true, Failure.NO_ANSWER, null, null), NOW, POLICY, RANDOM))
        .isPresent();
  }

  @Test
  void attempts_stop_at_the_policy_limit() {
    assertThat(
            RetryRules.delay(
                new Attempt(4, true, Failure.NOT_SENT, null, null), NOW, POLICY, RANDOM))
        .isEmpty();
  }

  @Test
  void backoff_grows_with_jitter_and_is_capped() {
    for (int i = 0; i < 50; i++) {
      assertThat(RetryRules.jittered(1, RANDOM))
          .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(RetryRules.jittered(3, RANDOM))
          .isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
      assertThat(RetryRules.jittered(20, RANDOM))
          .isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    }
  }
}
