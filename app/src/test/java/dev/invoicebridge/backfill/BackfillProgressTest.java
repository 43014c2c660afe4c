package dev.invoicebridge.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The progress figures of a backfill: total estimate, oldest invoice search and rate. */
class BackfillProgressTest {
  static final Instant UNTIL = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void the_estimate_extrapolates_the_density_seen_over_the_whole_span_and_is_exact_at_the_end() {
    // 100 invoices seen in the last 10 days of a 100-day history: about 1,000 in all.
    TotalEstimate.Span tenDays = new TotalEstimate.Span(UNTIL, UNTIL.minus(Duration.ofDays(10)));
    Optional<Instant> oldest = Optional.of(UNTIL.minus(Duration.ofDays(100)));

    assertThat(TotalEstimate.of(100, true, tenDays, oldest)).isEqualTo(1_000);
    assertThat(TotalEstimate.of(100, false, tenDays, oldest)).isEqualTo(100);
    assertThat(TotalEstimate.of(100, true, tenDays, Optional.empty())).isEqualTo(101);
    // Having reached the oldest second with more to come: at least one more.
    TotalEstimate.Span all = new TotalEstimate.Span(UNTIL, oldest.get());
    assertThat(TotalEstimate.of(990, true, all, oldest)).isEqualTo(991);
  }

  @Test
  void the_oldest_invoice_is_found_within_half_a_percent_of_the_span_in_few_probes() {
    List<Instant> created = new ArrayList<>();
    Instant first = Instant.parse("2024-03-17T09:30:00Z");
    for (Instant t = first; t.isBefore(UNTIL); t = t.plus(Duration.ofHours(7))) {
      created.add(t);
    }
    AtomicInteger probes = new AtomicInteger();
    OldestInvoice.Probe probe =
        before -> {
          probes.incrementAndGet();
          return created.stream().filter(c -> c.isBefore(before)).max(Comparator.naturalOrder());
        };

    Instant found = OldestInvoice.find(probe, created.getLast(), UNTIL);

    Duration span = Duration.between(first, UNTIL);
    assertThat(found).isBeforeOrEqualTo(first);
    assertThat(Duration.between(found, first)).isLessThanOrEqualTo(span.dividedBy(200));
    assertThat(probes.get()).isLessThanOrEqualTo(25);
  }

  @Test
  void the_search_for_the_oldest_invoice_stops_at_once_when_the_known_one_is_the_oldest() {
    Instant only = UNTIL.minus(Duration.ofDays(3));
    OldestInvoice.Probe probe =
        before -> before.isAfter(only) ? Optional.of(only) : Optional.empty();

    assertThat(OldestInvoice.find(probe, only, UNTIL))
        .isBeforeOrEqualTo(only)
        .isAfter(only.minus(Duration.ofHours(1)));
  }

  @Test
  void the_rate_follows_the_last_half_minute_not_the_whole_run() {
    MutableClock clock = new MutableClock(UNTIL);
    Throughput rate = new Throughput(clock, 0);
    // A fast start (everything unchanged): 500 invoices in 10 s.
    clock.advance(Duration.ofSeconds(10));
    assertThat(rate.sample(500)).hasValueSatisfying(r -> assertThat(r).isEqualTo(50.0));
    // Then Attio's pace: 25 a second for a minute.
    for (int s = 1; s <= 60; s++) {
      clock.advance(Duration.ofSeconds(1));
      rate.sample(500 + 25L * s);
    }
    assertThat(rate.sample(2_000)).hasValueSatisfying(r -> assertThat(r).isBetween(24.0, 26.0));
  }
}
