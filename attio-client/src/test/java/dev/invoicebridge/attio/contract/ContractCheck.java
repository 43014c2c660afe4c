package dev.invoicebridge.attio.contract;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when any exchange it made with the sandbox broke Attio's OpenAPI document.
 * Without the document the sandbox runs unchecked, and {@code OpenApiContractTest} reports the
 * contract suite as skipped.
 */
public final class ContractCheck implements BeforeAllCallback, AfterAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    ContractLedger.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    var violations = ContractLedger.violations();
    ContractLedger.clear();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          violations.size()
              + " exchange(s) broke Attio's OpenAPI document:\n  "
              + String.join("\n  ", violations.stream().distinct().limit(40).toList()));
    }
  }
}
