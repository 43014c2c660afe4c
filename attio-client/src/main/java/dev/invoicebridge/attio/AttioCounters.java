package dev.invoicebridge.attio;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** {@link AttioMetrics} as plain counters, for the benchmark, tests and simple health pages. */
public final class AttioCounters implements AttioMetrics {
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong pacedNanos = new AtomicLong();

  /** A consistent-enough copy of the counters at one moment. */
  public record Snapshot(
      long reads, long writes, long rateLimited, long retries, long failures, Duration paced) {}

  @Override
  public void exchanged(boolean write, int status, Duration elapsed) {
    (write ? writes : reads).incrementAndGet();
    if (status == 429) {
      rateLimited.incrementAndGet();
    }
  }

  @Override
  public void paced(boolean write, Duration waited) {
    pacedNanos.addAndGet(waited.toNanos());
  }

  @Override
  public void retried(String reason) {
    retries.incrementAndGet();
  }

  @Override
  public void failed(String errorType) {
    failures.incrementAndGet();
  }

  public Snapshot snapshot() {
    return new Snapshot(
        reads.get(),
        writes.get(),
        rateLimited.get(),
        retries.get(),
        failures.get(),
        Duration.ofNanos(pacedNanos.get()));
  }
}
