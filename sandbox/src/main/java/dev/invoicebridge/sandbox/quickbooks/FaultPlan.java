package dev.invoicebridge.sandbox.quickbooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Faults queued through the control API, each answered once to the next matching API call. */
final class FaultPlan {
  /**
   * @param status HTTP status to answer (429, 500, 503, or 200 for a Fault inside a 200)
   * @param code Intuit's error code
   * @param pathContains only calls whose path contains this (empty: any)
   */
  record Injected(int status, String code, String pathContains) {}

  private final Deque<Injected> queue = new ArrayDeque<>();

  synchronized void add(Injected fault, int times) {
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
  }

  synchronized Optional<Injected> next(String path) {
    for (Injected f : queue) {
      if (path.contains(f.pathContains())) {
        queue.remove(f);
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Intuit's throttling answer: code 3001 with the message the reference sheet quotes. The type is
   * SERVICE as in recorded 429 answers (third-party samples; the sheet lists no type for it), and
   * there is no Retry-After.
   */
  static QboFault throttled() {
    return new QboFault(
        429,
        "3001",
        "message=ThrottleExceeded; errorCode=003001; statusCode=429",
        "The request limit was reached.  Try again later",
        "SERVICE");
  }

  static QboFault toFault(Injected f) {
    return switch (f.status()) {
      case 429 -> throttled();
      case 200, 400 ->
          QboFault.validation(f.code(), "Injected fault", "A fault injected by the sandbox");
      default ->
          new QboFault(
              f.status(),
              f.code().isEmpty() ? "10000" : f.code(),
              "An application error has occurred while processing your request",
              "System Failure Error: injected by the sandbox",
              "SystemFault");
    };
  }
}
