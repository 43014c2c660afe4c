package dev.invoicebridge.benchmarks;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the processing jobs did with the measured events: applied while the phase ran, how long the
 * rest took, how many Stripe calls that cost, and how many events a later read already covered.
 */
record IngestProcessing(
    long stored,
    long appliedDuringPhase,
    Optional<Duration> drainedAfterPhase,
    long stripeCalls,
    long coveredByLaterRead) {

  static Probe start(RunningApp app) {
    app.stripe("POST", "/_control/stats/reset", "");
    return new Probe(app);
  }

  /** Started just before the measured phase. */
  record Probe(RunningApp app) {
    IngestProcessing finish(Duration drainTimeout) {
      long stored = count("select count(*) from webhook_inbox where event_id like 'evt_bench_%'");
      long applied = applied();
      long start = System.nanoTime();
      boolean drained = IngestSetup.awaitProcessed(app, drainTimeout);
      Optional<Duration> drain =
          drained ? Optional.of(Duration.ofNanos(System.nanoTime() - start)) : Optional.empty();
      long calls =
          JsonMapper.builder()
              .build()
              .readTree(app.stripe("GET", "/_control/stats", ""))
              .path("api_calls")
              .asLong();
      long covered =
          count(
              "select count(*) from job_run where task_instance like 'STRIPE:evt_bench_%'"
                  + " and message like '%covered by a later read'");
      return new IngestProcessing(stored, applied, drain, calls, covered);
    }

    private long applied() {
      return count(
          "select count(*) from webhook_inbox where event_id like 'evt_bench_%'"
              + " and processed_at is not null");
    }

    private long count(String sql) {
      return app.jdbc().sql(sql).query(Long.class).single();
    }
  }
}
