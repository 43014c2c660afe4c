package dev.invoicebridge.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Invoices per second over the last half minute of one run, from the counts at each checkpoint: a
 * recent window, so the rate and the ETA follow the pace Attio's limit allows now, not the pace of
 * a start that found everything unchanged.
 */
final class Throughput {
  static final Duration WINDOW = Duration.ofSeconds(30);

  private record Sample(Instant at, long processed) {}

  private final Clock clock;
  private final Deque<Sample> samples = new ArrayDeque<>();

  Throughput(Clock clock, long processed) {
    this.clock = clock;
    samples.add(new Sample(clock.instant(), processed));
  }

  /** Records the count now; the rate over the window, once a quarter second has passed. */
  Optional<Double> sample(long processed) {
    Instant now = clock.instant();
    samples.add(new Sample(now, processed));
    // Keep one sample at or beyond the window's start, so the window is always covered.
    while (samples.size() > 2 && !second().at().isAfter(now.minus(WINDOW))) {
      samples.removeFirst();
    }
    Sample first = samples.getFirst();
    double seconds = Duration.between(first.at(), now).toNanos() / 1e9;
    if (seconds < 0.25) {
      return Optional.empty();
    }
    return Optional.of((processed - first.processed()) / seconds);
  }

  private Sample second() {
    var samplesInOrder = samples.iterator();
    samplesInOrder.next();
    return samplesInOrder.next();
  }
}
