package dev.invoicebridge.attio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces calls evenly so that one token never exceeds its rate (Attio: 100 reads/s and 25 writes/s
 * per token, across the whole API). Each call reserves the next free slot, so concurrent callers
 * queue fairly. Pacers are shared by every client using the same token against the same API,
 * because Attio counts per token, not per client object.
 */
final class Pacer {
  /**
   * Calls leave at 97% of the limit, not at exactly the limit: Attio counts when calls arrive, and
   * network jitter can bunch evenly spaced calls so that a window briefly holds one too many. 3%
   * absorbs that; more would eat the benchmark's margin (target 0.95 of the limit), because a
   * loaded machine loses a little more to slots nobody was ready to use (4% measured 0.950).
   */
  static final double HEADROOM = 0.03;

  private static final Map<String, Pacer> SHARED = new ConcurrentHashMap<>();

  private final long intervalNanos;
  private long nextSlot = Long.MIN_VALUE;

  private Pacer(double perSecond) {
    this.intervalNanos = (long) (1_000_000_000L / (perSecond * (1 - HEADROOM)));
  }

  /** The pacer for one kind of call (reads or writes) of one token at one API. */
  static Pacer shared(String baseUrl, String token, String kind, double perSecond) {
    String key = baseUrl + "|" + fingerprint(token) + "|" + kind + "|" + perSecond;
    return SHARED.computeIfAbsent(key, k -> new Pacer(perSecond));
  }

  /**
   * Blocks until this call's slot and returns how long it waited; empty, without taking a slot,
   * when the slot would come after {@code deadlineNanos} ({@link System#nanoTime()} scale).
   */
  Optional<Duration> acquire(long deadlineNanos) throws InterruptedException {
    long wait = reserve(System.nanoTime(), deadlineNanos);
    if (wait < 0) {
      return Optional.empty();
    }
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
    return Optional.of(Duration.ofNanos(wait));
  }

  /** After a 429, no call of this kind leaves before {@code nanoTime}. */
  synchronized void holdUntil(long nanoTime) {
    nextSlot = Math.max(nextSlot, nanoTime);
  }

  /** The wait until the next free slot, which this call takes; -1 if it is past the deadline. */
  private synchronized long reserve(long now, long deadline) {
    long slot = Math.max(now, nextSlot);
    if (slot - deadline > 0) {
      return -1;
    }
    nextSlot = slot + intervalNanos;
    return slot - now;
  }

  /** Keys the registry by a hash, so the token itself is not kept around as a map key. */
  private static String fingerprint(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
