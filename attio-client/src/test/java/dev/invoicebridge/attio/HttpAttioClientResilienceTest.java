package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.attio.contract.ContractCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pacing, Retry-After, and which failures are retried, against a sandbox with Attio's limits. */
@ExtendWith(ContractCheck.class)
class HttpAttioClientResilienceTest {
  private static SandboxFixture sandbox;

  @BeforeAll
  static void start() {
    sandbox = SandboxFixture.withAttioLimits();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void emptyWorkspace() {
    sandbox.control().reset(false);
    sandbox.control().clearFaults();
  }

  private static RecordValues company(int i) {
    return RecordValues.builder()
        .text("name", "Company " + i)
        .domains("domains", "company" + i + ".com")
        .build();
  }

  /** Writes {@code count} companies from four threads; returns how many were rate limited. */
  private static int burst(AttioClient client, int count) throws Exception {
    AtomicInteger limited = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        work.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                      client.assertRecord("companies", "domains", company(i));
                    } catch (AttioRateLimitedException e) {
                      limited.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return limited.get();
  }

  @Test
  void a_burst_of_writes_is_paced_so_no_429_reaches_the_caller() throws Exception {
    AttioCounters counters = new AttioCounters();
    int limited = burst(sandbox.client().metrics(counters).build(), 40);
    assertThat(limited).isZero();
    assertThat(counters.snapshot().writes()).isEqualTo(40);
    assertThat(counters.snapshot().rateLimited()).isZero();
    assertThat(counters.snapshot().paced()).isPositive();
  }

  @Test
  void without_pacing_a_burst_is_rate_limited_by_the_sandbox() throws Exception {
    // A tighter write limit keeps this quick: the point is that the sandbox does limit.
    sandbox.control().rateLimits(100, 5);
    try {
      AttioClient unpaced =
          sandbox
              .client()
              .rateLimits(new AttioClientSettings.RateLimits(10_000, 10_000))
              .maxAttempts(1)
              .build();
      assertThat(burst(unpaced, 20)).isPositive();
    } finally {
      sandbox.control().rateLimits(100, 25);
    }
  }

  @Test
  void a_429_is_retried_no_earlier_than_its_retry_after_date() {
    AttioCounters counters = new AttioCounters();
    AttioClient client = sandbox.client().metrics(counters).build();
    // The sandbox names the second after next as the HTTP date, which cannot be before this.
    Instant earliest = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    sandbox.control().rateLimitNext(1);
    assertThat(client.listObjects()).isNotEmpty();
    assertThat(Instant.now()).isAfterOrEqualTo(earliest);
    assertThat(counters.snapshot().rateLimited()).isEqualTo(1);
    assertThat(counters.snapshot().retries()).isEqualTo(1);
  }

  @Test
  void a_429_further_away_than_the_client_waits_reaches_the_caller_with_its_date() {
    // The client's clock stands still, so however slow this machine, the date stays ahead.
    AttioClient client =
        sandbox
            .client()
            .maxRetryAfter(Duration.ZERO)
            .clock(Clock.fixed(Instant.now(), ZoneOffset.UTC))
            .build();
    sandbox.control().rateLimitNext(1);
    assertThatThrownBy(client::listObjects)
        .isInstanceOfSatisfying(
            AttioRateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).isPresent();
              assertThat(e.code()).isEqualTo("rate_limit_exceeded");
            });
  }

  @Test
  void server_errors_are_retried_for_reads_and_for_asserts() {
    AttioCounters counters = new AttioCounters();
    AttioClient client = sandbox.client().metrics(counters).build();
    sandbox.control().failNext(2, 503);
    assertThat(client.listObjects()).isNotEmpty();
    sandbox.control().failNext(1, 500);
    assertThat(client.assertRecord("companies", "domains", company(1)).displayName())
        .isEqualTo("Company 1");
    assertThat(counters.snapshot().retries()).isEqualTo(3);
  }

  @Test
  void a_server_error_on_a_create_is_not_retried_and_reported_as_maybe_applied() {
    AttioClient client = sandbox.client().build();
    sandbox.control().failNext(1, 500);
    assertThatThrownBy(() -> client.createRecord("companies", company(1)))
        .isInstanceOfSatisfying(
            AttioTransientException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.outcomeUnknown()).isTrue();
            });
    assertThat(client.queryRecords("companies", RecordQuery.all())).isEmpty();
  }

  @Test
  void a_timeout_is_retried_for_reads_but_not_for_creates() {
    AttioClient client =
        sandbox.client().timeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).build();
    sandbox.control().hangNext(1, Duration.ofMillis(1200));
    assertThat(client.listObjects()).isNotEmpty();
    sandbox.control().hangNext(1, Duration.ofMillis(1200));
    assertThatThrownBy(() -> client.createRecord("companies", company(2)))
        .isInstanceOfSatisfying(
            AttioTransientException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
  }

  @Test
  void client_errors_are_not_retried() {
    AttioCounters counters = new AttioCounters();
    AttioClient client = sandbox.client().metrics(counters).build();
    assertThatThrownBy(() -> client.getObject("missing"))
        .isInstanceOf(AttioNotFoundException.class);
    assertThat(counters.snapshot().retries()).isZero();
    assertThat(counters.snapshot().failures()).isEqualTo(1);
  }

  /** Every exchange's status, in order (0 for an exchange that got no answer). */
  private static final class Statuses implements AttioMetrics {
    final List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void exchanged(boolean write, int status, Duration elapsed) {
      seen.add(status);
    }
  }

  /** A client that gives up on an answer after a second, reporting each exchange's status. */
  private AttioClient impatientClient(Statuses statuses) {
    return sandbox
        .client()
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
        .metrics(statuses)
        .build();
  }

  @Test
  void a_timed_out_exchange_is_counted_with_status_zero() {
    Statuses statuses = new Statuses();
    AttioClient client = impatientClient(statuses);
    sandbox.control().hangNext(1, Duration.ofMillis(2500));
    assertThat(client.listObjects()).isNotEmpty();
    assertThat(statuses.seen).first().isEqualTo(0);
    assertThat(statuses.seen).last().isEqualTo(200);
  }

  @Test
  void a_delete_whose_answer_was_lost_succeeds_when_the_retry_finds_it_gone() {
    AttioClient setup = sandbox.client().build();
    AttioRecord acme = setup.createRecord("companies", company(1));
    Statuses statuses = new Statuses();
    AttioClient client = impatientClient(statuses);
    // Attio deletes the record, but the answer never reaches the client in time.
    sandbox.control().loseAnswerNext(1, Duration.ofMillis(2500));

    client.deleteRecord("companies", acme.id());

    assertThat(statuses.seen).first().isEqualTo(0);
    assertThat(statuses.seen).last().isEqualTo(404);
    assertThatThrownBy(() -> client.getRecord("companies", acme.id()))
        .isInstanceOf(AttioNotFoundException.class);
  }

  @Test
  void a_delete_of_a_record_that_never_existed_is_still_not_found() {
    AttioClient client = sandbox.client().build();
    sandbox.control().failNext(1, 503);
    assertThatThrownBy(
            () ->
                client.deleteRecord(
                    "companies", new RecordId("00000000-0000-4000-8000-000000000000")))
        .isInstanceOf(AttioNotFoundException.class);
  }

  @Test
  void a_call_whose_retry_after_lies_past_its_deadline_ends_in_a_transient_error() {
    AttioCounters counters = new AttioCounters();
    AttioClient client =
        sandbox.client().callDeadline(Duration.ofMillis(500)).metrics(counters).build();
    sandbox.control().rateLimitNext(1);
    assertThatThrownBy(client::listObjects)
        .isInstanceOfSatisfying(
            AttioTransientException.class,
            e -> {
              assertThat(e.type()).isEqualTo("deadline_exceeded");
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.getCause()).isInstanceOf(AttioRateLimitedException.class);
            });
    assertThat(counters.snapshot().retries()).isZero();
    assertThat(counters.snapshot().failures()).isEqualTo(1);
  }

  @Test
  void a_call_that_would_queue_past_its_deadline_is_not_sent() {
    AttioCounters counters = new AttioCounters();
    // A write every ten seconds: the second write's slot lies past a three-second deadline.
    AttioClient client =
        sandbox
            .client()
            .rateLimits(new AttioClientSettings.RateLimits(100, 0.1))
            .callDeadline(Duration.ofSeconds(3))
            .metrics(counters)
            .build();
    client.createRecord("companies", company(1));
    assertThatThrownBy(() -> client.createRecord("companies", company(2)))
        .isInstanceOfSatisfying(
            AttioTransientException.class,
            e -> {
              assertThat(e.type()).isEqualTo("deadline_exceeded");
              assertThat(e.outcomeUnknown()).isFalse();
            });
    assertThat(counters.snapshot().writes()).isEqualTo(1);
    assertThat(sandbox.defaultClient().queryRecords("companies", RecordQuery.all())).hasSize(1);
  }

  @Test
  void a_hung_read_is_cut_at_the_deadline_rather_than_at_its_attempt_timeout() {
    Statuses statuses = new Statuses();
    AttioClient client =
        sandbox
            .client()
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(20))
            .callDeadline(Duration.ofMillis(1500))
            .metrics(statuses)
            .build();
    sandbox.control().hangNext(1, Duration.ofSeconds(4));
    assertThatThrownBy(client::listObjects)
        .isInstanceOfSatisfying(
            AttioTransientException.class,
            e -> assertThat(e.type()).isEqualTo("deadline_exceeded"));
    // One exchange, cut off unanswered, and no second attempt that could not finish in time.
    assertThat(statuses.seen).containsExactly(0);
  }
}
