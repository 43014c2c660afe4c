package dev.invoicebridge.attio.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * The contract violations seen since the last {@link #clear()}, minus the documented exceptions in
 * {@link ContractExceptions}.
 */
public final class ContractLedger {
  private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

  private ContractLedger() {}

  static void record(Exchange exchange, OpenApiContract.Violation violation, JsonNode body) {
    if (!ContractExceptions.excused(exchange, violation, body)) {
      VIOLATIONS.add(exchange + ": " + violation);
    }
  }

  public static List<String> violations() {
    return List.copyOf(VIOLATIONS);
  }

  public static void clear() {
    VIOLATIONS.clear();
  }
}
