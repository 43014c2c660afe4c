package dev.invoicebridge.sandbox.stripe;

import java.time.Clock;

/**
 * Test mode's rate limit: by default 25 read and 25 write operations per second, counted in
 * one-second windows of the injected clock; 0 turns the limit off.
 */
final class RateLimiter {
  static final int TEST_MODE_PER_SECOND = 25;

  private final Clock clock;
  private int perSecond;
  private long window = -1;
  private int reads;
  private int writes;

  RateLimiter(Clock clock, int perSecond) {
    this.clock = clock;
    this.perSecond = perSecond;
  }

  synchronized void perSecond(int limit) {
    this.perSecond = limit;
  }

  /** Counts the call; false when it exceeds this second's budget for its kind. */
  synchronized boolean admit(boolean write) {
    if (perSecond <= 0) {
      return true;
    }
    long second = clock.instant().getEpochSecond();
    if (second != window) {
      window = second;
      reads = 0;
      writes = 0;
    }
    int used = write ? ++writes : ++reads;
    return used <= perSecond;
  }
}
