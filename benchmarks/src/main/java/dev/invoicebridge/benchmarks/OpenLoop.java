package dev.invoicebridge.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whether or not
 * earlier ones have been answered, and its latency counts from that intended time. A server (or a
 * client) that falls behind therefore shows up in the latencies instead of quietly slowing the
 * arrivals (no coordinated omission).
 */
final class OpenLoop {
  private OpenLoop() {}

  /**
   * What one phase measured. {@code lagNanos}: how late after its intended time each request's
   * sending thread started, the sender's own share of the latency (its scheduling on a busy
   * machine), which a remote sender such as Stripe would not add.
   */
  record Result(int sent, int ok, Duration span, long[] latencyNanos, long[] lagNanos) {
    double throughput() {
      return ok / (span.toNanos() / 1e9);
    }

    int failed() {
      return sent - ok;
    }

    /** The nearest-rank percentile (0 to 100) of the latencies in milliseconds. */
    double percentileMillis(double p) {
      return percentile(latencyNanos, p);
    }

    /** The nearest-rank percentile (0 to 100) of the sender's lag in milliseconds. */
    double lagPercentileMillis(double p) {
      return percentile(lagNanos, p);
    }

    private static double percentile(long[] nanos, double p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
    }
  }

  /** Sends {@code rate} requests a second for {@code duration}; each built when it is due. */
  static Result run(
      HttpClient http, int rate, Duration duration, IntFunction<HttpRequest> request) {
    int n = (int) (rate * duration.toMillis() / 1000);
    long period = 1_000_000_000L / rate;
    long[] latency = new long[n];
    int[] status = new int[n];
    long[] lag = new long[n];
    AtomicLong lastDone = new AtomicLong();
    long start = System.nanoTime() + 20_000_000L;
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        long due = start + i * period;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        int index = i;
        senders.execute(
            () -> {
              lag[index] = System.nanoTime() - due;
              status[index] = send(http, request.apply(index));
              long done = System.nanoTime();
              latency[index] = done - due;
              lastDone.accumulateAndGet(done, Math::max);
            });
      }
    }
    int ok = (int) Arrays.stream(status).filter(s -> s == 200).count();
    return new Result(n, ok, Duration.ofNanos(lastDone.get() - start), latency, lag);
  }

  private static int send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
