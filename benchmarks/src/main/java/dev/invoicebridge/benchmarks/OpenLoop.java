package dev.invoicebridge.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /** A POST as sent: the path, headers ("Name: value") and body. */
  record Post(String path, List<String> headers, byte[] body) {}

  /** The sending threads, each with its own connection: far more than the server has cores. */
  private static final int CONNECTIONS = 32;

  /**
   * Sends {@code rate} requests a second for {@code duration} to {@code server}; each built when it
   * is due. As in wrk2, each of {@link #CONNECTIONS} threads keeps its own schedule on its own
   * keep-alive connection ({@link LoopbackPoster}): thread {@code k} sends requests {@code k, k +
   * CONNECTIONS, ...}, waking for each at its due time, so no hand-off between threads adds to the
   * latency. A request whose thread is still waiting for an earlier answer (more than {@code
   * CONNECTIONS} periods) goes late, and that wait counts in its latency.
   */
  static Result run(URI server, int rate, Duration duration, IntFunction<Post> request) {
    int n = (int) (rate * duration.toMillis() / 1000);
    long period = 1_000_000_000L / rate;
    long[] latency = new long[n];
    int[] status = new int[n];
    long[] lag = new long[n];
    AtomicLong lastDone = new AtomicLong();
    long start = System.nanoTime() + 20_000_000L;
    List<Thread> senders = new ArrayList<>(CONNECTIONS);
    for (int k = 0; k < Math.min(CONNECTIONS, n); k++) {
      int first = k;
      senders.add(
          Thread.ofPlatform()
              .name("sender-" + k)
              .daemon()
              .start(
                  () -> {
                    try (LoopbackPoster poster = new LoopbackPoster(server)) {
                      for (int i = first; i < n; i += CONNECTIONS) {
                        long due = start + i * period;
                        for (long wait = due - System.nanoTime();
                            wait > 0;
                            wait = due - System.nanoTime()) {
                          LockSupport.parkNanos(wait);
                        }
                        lag[i] = System.nanoTime() - due;
                        status[i] = send(poster, request.apply(i));
                        long done = System.nanoTime();
                        latency[i] = done - due;
                        lastDone.accumulateAndGet(done, Math::max);
                      }
                    }
                  }));
    }
    for (Thread sender : senders) {
      try {
        sender.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending", e);
      }
    }
    int ok = (int) Arrays.stream(status).filter(s -> s == 200).count();
    return new Result(n, ok, Duration.ofNanos(lastDone.get() - start), latency, lag);
  }

  private static int send(LoopbackPoster poster, Post post) {
    try {
      return poster.post(post.path(), post.headers(), post.body());
    } catch (IOException e) {
      return -1;
    }
  }
}
