package dev.invoicebridge.attio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces calls evenly so that one token never exceeds its rate (Attio: 100 reads/s and 25 writes/s
 * per token, across the whole API). Each call reserves the next free slot, so concurrent callers
 * queue fairly. Pacers are shared by every client using the same token against the same API,
 * because Attio counts per token, not per client object.
 */
final class Pacer {
  private static final Map<String, Pacer> SHARED = new ConcurrentHashMap<>();

  private final long intervalNanos;
  private long nextSlot = Long.MIN_VALUE;

  private Pacer(double perSecond) {
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
  }

  /** The pacer for one kind of call (reads or writes) of one token at one API. */
  static Pacer shared(String baseUrl, String token, String kind, double perSecond) {
    String key = baseUrl + "|" + fingerprint(token) + "|" + kind + "|" + perSecond;
    return SHARED.computeIfAbsent(key, k -> new Pacer(perSecond));
  }

  /** Blocks until this call's slot; returns how long it waited. */
  Duration acquire() throws InterruptedException {
    long wait = reserve(System.nanoTime());
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
    return Duration.ofNanos(Math.max(wait, 0));
  }

  /** After a 429, no call of this kind leaves before {@code nanoTime}. */
  synchronized void holdUntil(long nanoTime) {
    nextSlot = Math.max(nextSlot, nanoTime);
  }

  private synchronized long reserve(long now) {
    long slot = Math.max(now, nextSlot);
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
