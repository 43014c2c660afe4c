package dev.invoicebridge.benchmarks;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the inbox drain did with the measured events: applied while the phase ran, how long the rest
 * took, how many Stripe calls that cost, and how many events a later read already covered.
 */
record IngestProcessing(
    String workers,
    long stored,
    long appliedDuringPhase,
    Optional<Duration> drainedAfterPhase,
    long stripeCalls,
    long coveredByLaterRead) {

  private static final String EVENTS = "invoicebridge.webhook.events";

  /** Started just before the measured phase: Stripe's call count is reset, covered noted. */
  static Probe start(IngestSetup.Stripe stripe, ServiceProcess service) {
    stripe.call("POST", "/_control/stats/reset", "");
    return new Probe(stripe, service, covered(service));
  }

  private static double covered(ServiceProcess service) {
    return service.counter(EVENTS, "provider", "stripe", "outcome", "covered");
  }

  /** Taken just before the measured phase. */
  record Probe(IngestSetup.Stripe stripe, ServiceProcess service, double coveredBefore) {
    IngestProcessing finish(Duration drainTimeout) {
      long stored =
          service.count("select count(*) from webhook_inbox where event_id like 'evt_bench_%'");
      long applied =
          service.count(
              "select count(*) from webhook_inbox where event_id like 'evt_bench_%'"
                  + " and processed_at is not null");
      long start = System.nanoTime();
      boolean drained = IngestSetup.awaitProcessed(service, drainTimeout);
      Optional<Duration> drain =
          drained ? Optional.of(Duration.ofNanos(System.nanoTime() - start)) : Optional.empty();
      long calls =
          JsonMapper.builder()
              .build()
              .readTree(stripe.call("GET", "/_control/stats", ""))
              .path("api_calls")
              .asLong();
      long covered = Math.round(covered(service) - coveredBefore);
      return new IngestProcessing(
          service.property("invoicebridge.jobs.webhook-workers"),
          stored,
          applied,
          drain,
          calls,
          covered);
    }
  }
}
