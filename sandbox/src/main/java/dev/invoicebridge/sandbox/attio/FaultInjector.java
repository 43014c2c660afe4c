package dev.invoicebridge.sandbox.attio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Faults for the next API calls, in order: server errors, hung calls, lost answers, 429s. */
final class FaultInjector {
  /** What a faulted call does instead of being processed. */
  enum Kind {
    SERVER_ERROR,
    TIMEOUT,
    /** Processed, then the answer is held back: the caller times out on a call that was applied. */
    LOST_ANSWER,
    RATE_LIMIT
  }

  /** One fault: {@code status} for server errors, {@code hang} before answering for the others. */
  record Fault(Kind kind, int status, Duration hang) {}

  private final Deque<Fault> queue = new ArrayDeque<>();

  synchronized void add(Fault fault, int count) {
    for (int i = 0; i < count; i++) {
      queue.add(fault);
    }
  }

  synchronized Optional<Fault> next() {
    return Optional.ofNullable(queue.poll());
  }

  synchronized void clear() {
    queue.clear();
  }

  synchronized int pending() {
    return queue.size();
  }
}
