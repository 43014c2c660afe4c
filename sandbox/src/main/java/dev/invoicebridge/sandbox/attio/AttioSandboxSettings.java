package dev.invoicebridge.sandbox.attio;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an Attio sandbox runs.
 *
 * @param demoData whether the workspace starts with the demo companies, people and deals
 * @param webhookRetryDelays the wait before each delivery retry (Attio: up to 10 attempts over
 *     about 3 days; the sandbox default is minutes, so a demo sees the whole cycle)
 */
public record AttioSandboxSettings(
    AttioWorkspace workspace,
    Clock clock,
    boolean demoData,
    double readsPerSecond,
    double writesPerSecond,
    List<Duration> webhookRetryDelays) {
  /** Attio's published per-token limits. */
  public static final double ATTIO_READS_PER_SECOND = 100;

  public static final double ATTIO_WRITES_PER_SECOND = 25;

  public AttioSandboxSettings {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(clock, "clock");
    webhookRetryDelays = List.copyOf(webhookRetryDelays);
  }

  /** Sandbox mode: demo data, Attio's limits, nine retries over about twenty minutes. */
  public static AttioSandboxSettings sandboxMode(AttioWorkspace workspace, Clock clock) {
    List<Duration> delays =
        List.of(1, 2, 5, 10, 30, 60, 120, 300, 600).stream()
            .map(s -> Duration.ofSeconds(s))
            .toList();
    return new AttioSandboxSettings(
        workspace, clock, true, ATTIO_READS_PER_SECOND, ATTIO_WRITES_PER_SECOND, delays);
  }

  /** An empty workspace (standard objects only) with Attio's limits, for tests. */
  public static AttioSandboxSettings empty(AttioWorkspace workspace, Clock clock) {
    return sandboxMode(workspace, clock).withDemoData(false);
  }

  public AttioSandboxSettings withDemoData(boolean demo) {
    return new AttioSandboxSettings(
        workspace, clock, demo, readsPerSecond, writesPerSecond, webhookRetryDelays);
  }

  public AttioSandboxSettings withRateLimits(double reads, double writes) {
    return new AttioSandboxSettings(workspace, clock, demoData, reads, writes, webhookRetryDelays);
  }

  public AttioSandboxSettings withWebhookRetryDelays(List<Duration> delays) {
    return new AttioSandboxSettings(
        workspace, clock, demoData, readsPerSecond, writesPerSecond, delays);
  }
}
