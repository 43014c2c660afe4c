package dev.invoicebridge.attio.contract;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when any exchange it made with the sandbox broke Attio's OpenAPI document.
 * Without the document the class fails too when {@code -Dinvoicebridge.contract.required=true}
 * (CI); otherwise it runs with the sandbox unchecked and says so.
 */
public final class ContractCheck implements BeforeAllCallback, AfterAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    ContractLedger.clear();
    if (OpenApiContract.load().isPresent()) {
      return;
    }
    String what =
        "Attio's OpenAPI document ("
            + OpenApiContract.WHERE
            + ") is absent, so "
            + context.getDisplayName()
            + " talks to the sandbox without the contract check";
    if (OpenApiContract.required()) {
      throw new ExtensionConfigurationException(
          what + "; this run requires it (-D" + OpenApiContract.REQUIRED_PROPERTY + "=true)");
    }
    context.publishReportEntry("attio-contract", "skipped: " + what);
    System.out.println("SKIPPED contract check: " + what);
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
