package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.sandbox.quickbooks.SandboxSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottlingAndFaultsTest {
  @Test
  void injected_429s_are_absorbed_without_surfacing() {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture()) {
      HttpQuickBooksClient client = qbo.connectedClient();
      qbo.control("POST", "/faults", "{\"status\":429,\"times\":4}");

      assertThat(client.companyInfo().companyName()).isEqualTo("Sandbox Company US 1");
      assertThat(client.preferences().homeCurrency()).isEqualTo("USD");
    }
  }

  @Test
  void a_throttled_write_is_retried_and_written_once() {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture()) {
      HttpQuickBooksClient client = qbo.connectedClient();
      qbo.control("POST", "/faults", "{\"status\":429,\"times\":2,\"path\":\"/customer\"}");

      client.createCustomer(new NewCustomer("Throttled Co", null, null, null));

      assertThat(client.findCustomerByDisplayName("Throttled Co")).isPresent();
    }
  }

  @Test
  void the_emulator_throttles_above_the_per_minute_limit_until_the_window_moves_on() {
    SandboxSettings tight =
        SandboxSettings.of(
                QuickBooksSandboxFixture.CLIENT_ID,
                QuickBooksSandboxFixture.CLIENT_SECRET,
                QuickBooksSandboxFixture.VERIFIER_TOKEN)
            .withLimits(new SandboxSettings.Limits(3, 10));
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture(tight)) {
      QuickBooksTokens tokens = qbo.connectedTokens(new InMemoryOAuthTokenStore());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(rawCompanyInfo(qbo, tokens.accessToken()).statusCode());
      }
      assertThat(statuses).containsExactly(200, 200, 200, 429);
      HttpResponse<String> throttled = rawCompanyInfo(qbo, tokens.accessToken());
      assertThat(throttled.body()).contains("\"code\":\"3001\"").contains("ThrottleExceeded");

      qbo.clock.advance(Duration.ofMinutes(1));
      assertThat(rawCompanyInfo(qbo, tokens.accessToken()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void twenty_concurrent_callers_pacing_like_the_emulator_cause_no_429_at_all() throws Exception {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture(tight(4))) {
      HttpQuickBooksClient client =
          qbo.client(
              qbo.connectedTokens(new InMemoryOAuthTokenStore()),
              qbo.options().withLimiters(new RealmLimiters(4, 400, Duration.ofMinutes(1))));

      List<String> names =
          TokenRefreshTest.concurrently(20, () -> client.companyInfo().companyName());

      assertThat(names).hasSize(20).containsOnly("Sandbox Company US 1");
      assertThat(throttledAtTheEmulator(qbo)).isZero();
    }
  }

  @Test
  void twenty_concurrent_callers_above_the_emulators_limit_never_see_its_429s() throws Exception {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture(tight(1))) {
      HttpQuickBooksClient client =
          qbo.client(
              qbo.connectedTokens(new InMemoryOAuthTokenStore()),
              qbo.options()
                  .withLimiters(new RealmLimiters(10, 400, Duration.ofMinutes(1)))
                  .withRetry(
                      new QuickBooksClientOptions.Retry(
                          Duration.ofMillis(5), Duration.ofMillis(5), 50, Duration.ofMinutes(1))));

      // Whether twenty threads overlap at the emulator is up to the scheduler, so rounds are run
      // until the emulator has refused at least one call; no caller may ever see that refusal.
      for (int round = 0; round < 25 && throttledAtTheEmulator(qbo) == 0; round++) {
        List<String> names =
            TokenRefreshTest.concurrently(20, () -> client.companyInfo().companyName());

        assertThat(names).hasSize(20).containsOnly("Sandbox Company US 1");
      }
      assertThat(throttledAtTheEmulator(qbo)).as("429s the client absorbed").isPositive();
    }
  }

  @Test
  void the_default_pacing_is_the_sheets_four_in_flight_and_a_throttled_call_waits_a_minute() {
    QuickBooksClientOptions defaults = QuickBooksClientOptions.defaults();

    assertThat(RealmLimiters.shared().maxConcurrent()).isEqualTo(4);
    assertThat(RealmLimiters.shared().maxPerWindow()).isEqualTo(400);
    for (int i = 0; i < 50; i++) {
      assertThat(
              RetryRules.delayBeforeRetry(
                  new RetryRules.Failure(1, 429, false, Duration.ZERO), defaults.retry()))
          .hasValueSatisfying(
              wait -> assertThat(wait).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(75)));
    }
  }

  @Test
  void an_interactive_call_gives_up_on_a_429_instead_of_waiting_out_the_minute() {
    QuickBooksClientOptions.Retry interactive = QuickBooksClientOptions.interactive().retry();

    assertThat(
            RetryRules.delayBeforeRetry(
                new RetryRules.Failure(1, 429, true, Duration.ZERO), interactive))
        .isEmpty();
    assertThat(
            RetryRules.delayBeforeRetry(
                new RetryRules.Failure(1, 503, true, Duration.ofSeconds(1)), interactive))
        .isPresent();
    assertThat(
            RetryRules.delayBeforeRetry(
                new RetryRules.Failure(1, 503, true, Duration.ofSeconds(10)), interactive))
        .as("past the deadline")
        .isEmpty();
  }

  @Test
  void an_interactive_client_surfaces_throttling_at_once() {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture()) {
      HttpQuickBooksClient client =
          qbo.client(
              qbo.connectedTokens(new InMemoryOAuthTokenStore()),
              QuickBooksClientOptions.interactive().withClock(qbo.clock));
      qbo.control("POST", "/faults", "{\"status\":429,\"times\":1}");

      assertThatThrownBy(client::companyInfo)
          .isInstanceOf(QuickBooksException.RateLimited.class)
          .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("3001"));
    }
  }

  private static SandboxSettings tight(int concurrent) {
    return SandboxSettings.of(
            QuickBooksSandboxFixture.CLIENT_ID,
            QuickBooksSandboxFixture.CLIENT_SECRET,
            QuickBooksSandboxFixture.VERIFIER_TOKEN)
        .withLimits(new SandboxSettings.Limits(500, concurrent));
  }

  private static long throttledAtTheEmulator(QuickBooksSandboxFixture qbo) {
    return qbo.sandbox.calls().calls().stream().filter(c -> c.status() == 429).count();
  }

  @Test
  void server_errors_on_reads_are_retried() {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture()) {
      HttpQuickBooksClient client = qbo.connectedClient();
      qbo.control("POST", "/faults", "{\"status\":503,\"times\":2}");

      assertThat(client.companyInfo().companyName()).isEqualTo("Sandbox Company US 1");
    }
  }

  @Test
  void a_fault_inside_an_http_200_is_an_error() {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture()) {
      HttpQuickBooksClient client = qbo.connectedClient();
      qbo.control("POST", "/faults", "{\"status\":200,\"code\":\"6000\",\"times\":1}");

      assertThatThrownBy(client::preferences)
          .isInstanceOf(QuickBooksException.Validation.class)
          .satisfies(
              e -> {
                QuickBooksException q = (QuickBooksException) e;
                assertThat(q.statusCode()).isEqualTo(200);
                assertThat(q.code()).isEqualTo("6000");
                assertThat(q.intuitTid()).isNotBlank();
              });
    }
  }

  @Test
  void exhausted_retries_surface_as_the_typed_exception() {
    try (QuickBooksSandboxFixture qbo = new QuickBooksSandboxFixture()) {
      HttpQuickBooksClient client = qbo.connectedClient();
      qbo.control("POST", "/faults", "{\"status\":500,\"times\":20}");

      assertThatThrownBy(client::companyInfo)
          .isInstanceOf(QuickBooksException.Transient.class)
          .satisfies(e -> assertThat(((QuickBooksException) e).statusCode()).isEqualTo(500));
    }
  }

  private static HttpResponse<String> rawCompanyInfo(QuickBooksSandboxFixture qbo, String token) {
    String realm = QuickBooksSandboxFixture.REALM;
    return qbo.send(
        HttpRequest.newBuilder(
                URI.create(
                    qbo.endpoints.api()
                        + "/v3/company/"
                        + realm
                        + "/companyinfo/"
                        + realm
                        + "?minorversion=75"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET());
  }
}
