package dev.invoicebridge.quickbooks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps every client in this JVM under QuickBooks' per-company limits, so throttling is avoided
 * rather than absorbed. Clients for the same realm must share one instance; {@link #shared()} is
 * the JVM-wide default. The limits are per JVM: several service instances calling one company each
 * keep to them, which is why the defaults leave Intuit's limits head-room.
 */
public final class RealmLimiters {
  /**
   * Intuit allows 500 requests a minute and 10 in flight per company; the reference sheet's client
   * design keeps to 400 and 4, leaving room for other apps and instances on the same company.
   */
  private static final RealmLimiters SHARED = new RealmLimiters(4, 400, Duration.ofMinutes(1));

  private final int maxConcurrent;
  private final int maxPerWindow;
  private final Duration window;
  private final Map<String, Limiter> byRealm = new ConcurrentHashMap<>();

  /**
   * @param maxConcurrent requests in flight per realm
   * @param maxPerWindow requests started per realm within {@code window}
   */
  public RealmLimiters(int maxConcurrent, int maxPerWindow, Duration window) {
    if (maxConcurrent < 1 || maxPerWindow < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxConcurrent = maxConcurrent;
    this.maxPerWindow = maxPerWindow;
    this.window = window;
  }

  /** At most 4 in flight and 400 a minute per company, shared by all clients of this JVM. */
  public static RealmLimiters shared() {
    return SHARED;
  }

  /** Requests in flight allowed per realm. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** Requests allowed to start per realm within the window. */
  public int maxPerWindow() {
    return maxPerWindow;
  }

  /** Blocks until the realm may start one more request; the caller must {@link #release}. */
  void acquire(RealmId realm) {
    Limiter limiter = byRealm.computeIfAbsent(realm.value(), r -> new Limiter());
    try {
      if (!limiter.inFlight.tryAcquire(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Timed out waiting for a QuickBooks request slot");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for a QuickBooks request slot", e);
    }
    limiter.pace();
  }

  void release(RealmId realm) {
    byRealm.get(realm.value()).inFlight.release();
  }

  private final class Limiter {
    final Semaphore inFlight = new Semaphore(maxConcurrent, true);
    private final Deque<Long> starts = new ArrayDeque<>();

    /** Sliding window: waits until fewer than maxPerWindow requests started in the last window. */
    void pace() {
      while (true) {
        long waitNanos;
        synchronized (this) {
          long now = System.nanoTime();
          while (!starts.isEmpty() && now - starts.peekFirst() >= window.toNanos()) {
            starts.pollFirst();
          }
          if (starts.size() < maxPerWindow) {
            starts.addLast(now);
            return;
          }
          waitNanos = window.toNanos() - (now - starts.peekFirst());
        }
        LockSupport.parkNanos(Math.max(waitNanos, 1_000_000));
      }
    }
  }
}
