package dev.invoicebridge.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Watches one backfill run from outside: the job through the API, the writes the service's Attio
 * client sent through its metrics (every 100 ms), and the heap after a GC (every 5 s).
 */
final class BackfillSampler {
  private static final long TICK_NANOS = Duration.ofMillis(100).toNanos();
  private static final long HEAP_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long JOB_EVERY_NANOS = Duration.ofMillis(500).toNanos();
  private static final long GIVE_UP_NANOS = Duration.ofMinutes(30).toNanos();

  private final MeterRegistry meters;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final OperatingSystemMXBean system =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  BackfillSampler(MeterRegistry meters) {
    this.meters = meters;
  }

  /**
   * One run.
   *
   * @param writingSeconds from the first to the last Attio write of the run
   * @param sustainedWritesPerSecond the writes in that span over its length
   * @param failedWrites writes Attio refused or that failed for good, plus invoices the job counted
   *     as failed
   */
  record Run(
      String status,
      long processed,
      long totalEstimate,
      long attioWrites,
      long failedWrites,
      long rateLimited,
      Duration elapsed,
      double writingSeconds,
      double sustainedWritesPerSecond,
      long heapFirstBytes,
      long heapPeakBytes,
      long heapLastBytes,
      List<Long> heapSamples,
      Machine machine) {}

  /**
   * The machine while the run went on: this JVM's CPU time (service and emulators alike) and the
   * system's load, since a shared machine slows the service without it being at fault.
   */
  record Machine(Duration cpu, double loadAverage, int cores) {}

  /** The write counters of the service's Attio client. */
  private record Writes(long ok, long rateLimited, long refused, long failures) {}

  Run measure(Supplier<String> start, Function<String, JsonNode> job) {
    Writes base = writes();
    Heap heap = new Heap();
    heap.sample();
    long cpuBefore = system.getProcessCpuTime();
    long startedAt = System.nanoTime();
    String id = start.get();
    long firstAt = 0;
    long firstCount = 0;
    long lastAt = 0;
    long lastCount = base.ok();
    long nextHeap = startedAt + HEAP_EVERY_NANOS;
    long nextJob = startedAt;
    JsonNode state = null;
    while (System.nanoTime() - startedAt < GIVE_UP_NANOS) {
      long now = System.nanoTime();
      long ok = writes().ok();
      if (ok > lastCount) {
        if (firstAt == 0) {
          firstAt = now;
          firstCount = ok;
        }
        lastAt = now;
        lastCount = ok;
      }
      if (now >= nextHeap) {
        heap.sample();
        nextHeap = now + HEAP_EVERY_NANOS;
      }
      if (now >= nextJob) {
        state = job.apply(id);
        if (state.path("status").asString().matches("succeeded|failed")) {
          break;
        }
        nextJob = now + JOB_EVERY_NANOS;
      }
      LockSupport.parkNanos(TICK_NANOS);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);
    heap.sample();
    Writes end = writes();
    double writing = lastAt > firstAt ? (lastAt - firstAt) / 1e9 : 0;
    return new Run(
        state == null ? "unknown" : state.path("status").asString(),
        state == null ? 0 : state.path("processed").asLong(),
        state == null ? 0 : state.path("total_estimate").asLong(),
        end.ok() - base.ok(),
        end.refused()
            - base.refused()
            + end.failures()
            - base.failures()
            + (state == null ? 0 : state.path("failed").asLong()),
        end.rateLimited() - base.rateLimited(),
        elapsed,
        writing,
        writing > 0 ? (lastCount - firstCount) / writing : 0,
        heap.first,
        heap.peak,
        heap.last,
        List.copyOf(heap.samples),
        new Machine(
            Duration.ofNanos(system.getProcessCpuTime() - cpuBefore),
            system.getSystemLoadAverage(),
            system.getAvailableProcessors()));
  }

  private Writes writes() {
    long ok = 0;
    long limited = 0;
    long refused = 0;
    for (Timer t : meters.find("invoicebridge.attio.requests").tag("kind", "write").timers()) {
      String status = t.getId().getTag("status");
      if (status != null && status.startsWith("2")) {
        ok += t.count();
      } else if ("429".equals(status)) {
        limited += t.count();
      } else {
        refused += t.count();
      }
    }
    double failures =
        meters.find("invoicebridge.attio.failures").counters().stream()
            .mapToDouble(c -> c.count())
            .sum();
    return new Writes(ok, limited, refused, (long) failures);
  }

  /** Heap in use right after a full GC: what the service keeps, not what it has yet to free. */
  private final class Heap {
    long first = -1;
    long peak;
    long last;
    final List<Long> samples = new ArrayList<>();

    void sample() {
      memory.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (first < 0) {
        first = used;
      }
      peak = Math.max(peak, used);
      last = used;
      samples.add(used);
    }
  }
}
