package dev.invoicebridge.quickbooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One lock per key, created on first use and dropped when nobody holds or waits for it. */
final class KeyedLocks {
  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users;
  }

  private final Map<String, Entry> locks = new ConcurrentHashMap<>();

  <T> T withLock(String key, Supplier<T> action) {
    Entry entry =
        locks.compute(
            key,
            (k, existing) -> {
              Entry e = existing == null ? new Entry() : existing;
              e.users++;
              return e;
            });
    entry.lock.lock();
    try {
      return action.get();
    } finally {
      entry.lock.unlock();
      locks.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }
  }
}
