package dev.invoicebridge.connection;

import dev.invoicebridge.attio.AttioMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The Attio client's counters as Micrometer meters (scraped at /actuator/prometheus). */
final class MicrometerAttioMetrics implements AttioMetrics {
  private final MeterRegistry registry;

  MicrometerAttioMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void exchanged(boolean write, int status, Duration elapsed) {
    Timer.builder("invoicebridge.attio.requests")
        .description("HTTP exchanges with Attio, by read/write and status")
        .tag("kind", write ? "write" : "read")
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(elapsed);
  }

  @Override
  public void paced(boolean write, Duration waited) {
    Timer.builder("invoicebridge.attio.paced")
        .description("Time calls were held back to stay under Attio's rate limits")
        .tag("kind", write ? "write" : "read")
        .register(registry)
        .record(waited);
  }

  @Override
  public void retried(String reason) {
    registry.counter("invoicebridge.attio.retries", "reason", reason).increment();
  }

  @Override
  public void failed(String errorType) {
    registry.counter("invoicebridge.attio.failures", "type", errorType).increment();
  }
}
