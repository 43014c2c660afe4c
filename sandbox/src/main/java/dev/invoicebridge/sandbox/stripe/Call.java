package dev.invoicebridge.sandbox.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API call as a handler sees it: parameters, path arguments, and the events it emitted, which
 * are delivered once the call has finished.
 */
final class Call {
  private final Params params;
  private final List<String> args;
  private final String requestId;
  private final String idempotencyKey;
  private final List<Map<String, Object>> events = new ArrayList<>();

  Call(Params params, List<String> args, String requestId, String idempotencyKey) {
    this.params = params;
    this.args = args;
    this.requestId = requestId;
    this.idempotencyKey = idempotencyKey;
  }

  Params params() {
    return params;
  }

  String arg(int index) {
    return args.get(index);
  }

  String requestId() {
    return requestId;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  void emitted(Map<String, Object> event) {
    events.add(event);
  }

  List<Map<String, Object>> events() {
    return events;
  }

  /** The call was undone: its events never happened, so none is delivered. */
  void discardEvents() {
    events.clear();
  }
}
