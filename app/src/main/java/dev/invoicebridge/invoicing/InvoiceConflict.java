package dev.invoicebridge.invoicing;

import java.io.Serial;
import java.util.Map;

/**
 * A request that cannot proceed as sent, with the choice the caller has: a customer billed in
 * another currency, or an Idempotency-Key reused with another body or still in progress.
 */
public final class InvoiceConflict extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** Which conflict. */
  public enum Reason {
    CURRENCY_MISMATCH,
    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENCY_KEY_IN_PROGRESS
  }

  private final Reason reason;
  private final Map<String, String> details;

  InvoiceConflict(Reason reason, String message, Map<String, String> details) {
    super(message);
    this.reason = reason;
    this.details = Map.copyOf(details);
  }

  public Reason reason() {
    return reason;
  }

  /** Facts the caller needs to choose, such as both currencies. */
  public Map<String, String> details() {
    return details;
  }

  static InvoiceConflict currency(String email, String customerCurrency, String requested) {
    String upper = customerCurrency.toUpperCase(java.util.Locale.ROOT);
    return new InvoiceConflict(
        Reason.CURRENCY_MISMATCH,
        "The Stripe customer for "
            + email
            + " is billed in "
            + upper
            + ", and Stripe keeps one currency per customer. Create this invoice in "
            + upper
            + " (currency \""
            + customerCurrency
            + "\"), or bill a person with another email address.",
        Map.of("customer_currency", customerCurrency, "requested_currency", requested));
  }
}
