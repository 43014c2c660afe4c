package dev.invoicebridge.sandbox.quickbooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The Accounting API calls the emulator answered, oldest first: method, path, query parameters (so
 * tests can check {@code minorversion} and {@code requestid}), status and, when enabled, both
 * bodies. Bounded, so a long-running sandbox does not grow without end.
 */
public final class CallLog {
  /**
   * One answered call.
   *
   * @param path below the mount point, such as {@code /v3/company/123/invoice}
   * @param requestBody the raw body, or null when bodies are not recorded
   * @param responseBody the JSON answered, or null (bodies not recorded, or not JSON)
   */
  public record Call(
      String method,
      String path,
      Map<String, String> query,
      String requestBody,
      int status,
      String responseBody) {
    public Call {
      query = Map.copyOf(query);
    }
  }

  private final Deque<Call> calls = new ArrayDeque<>();
  private int capacity = 1000;
  private boolean bodies;

  /**
   * @param keep how many calls to keep (the oldest are dropped)
   * @param withBodies whether to keep request and response bodies too
   */
  public synchronized void configure(int keep, boolean withBodies) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one call");
    }
    this.capacity = keep;
    this.bodies = withBodies;
    trim();
  }

  synchronized boolean recordsBodies() {
    return bodies;
  }

  synchronized void add(Call call) {
    calls.addLast(
        bodies
            ? call
            : new Call(call.method(), call.path(), call.query(), null, call.status(), null));
    trim();
  }

  /** The calls kept, oldest first. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized void clear() {
    calls.clear();
  }

  private void trim() {
    while (calls.size() > capacity) {
      calls.removeFirst();
    }
  }
}
