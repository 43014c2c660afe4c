package dev.invoicebridge.sandbox.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Intuit's per-realm throttling: requests per minute (sliding window) and requests in flight. */
final class Throttle {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private volatile SandboxSettings.Limits limits;
  private final Clock clock;
  private final Map<String, Realm> realms = new ConcurrentHashMap<>();

  private static final class Realm {
    final Deque<Instant> starts = new ArrayDeque<>();
    int inFlight;
  }

  Throttle(SandboxSettings.Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  SandboxSettings.Limits limits() {
    return limits;
  }

  /** New limits, from the control API; requests already in flight stay counted. */
  void limits(SandboxSettings.Limits l) {
    this.limits = l;
  }

  /** Admits a request, or returns false for a 429; an admitted request must be {@link #done}. */
  boolean admit(String realmId) {
    Realm r = realms.computeIfAbsent(realmId, k -> new Realm());
    SandboxSettings.Limits limits = this.limits;
    synchronized (r) {
      Instant now = clock.instant();
      while (!r.starts.isEmpty() && !r.starts.peekFirst().plus(WINDOW).isAfter(now)) {
        r.starts.pollFirst();
      }
      if (r.starts.size() >= limits.requestsPerMinute() || r.inFlight >= limits.concurrent()) {
        return false;
      }
      r.starts.addLast(now);
      r.inFlight++;
      return true;
    }
  }

  void done(String realmId) {
    Realm r = realms.get(realmId);
    synchronized (r) {
      r.inFlight--;
    }
  }
}
