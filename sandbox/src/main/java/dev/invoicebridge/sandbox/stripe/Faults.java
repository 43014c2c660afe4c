package dev.invoicebridge.sandbox.stripe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Faults injected for the next calls, in order: 5xx, 429 or a response slower than any timeout. */
final class Faults {
  private final Deque<StripeFault> next = new ArrayDeque<>();

  synchronized void inject(StripeFault fault, int count) {
    for (int i = 0; i < count; i++) {
      next.add(fault);
    }
  }

  synchronized Optional<StripeFault> take() {
    return Optional.ofNullable(next.poll());
  }

  synchronized void clear() {
    next.clear();
  }
}
