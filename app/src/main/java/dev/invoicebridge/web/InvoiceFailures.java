package dev.invoicebridge.web;

import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;

/**
 * Provider failures in the operator's words, for the dialog: what happened and what to do, never
 * the provider's raw message (which could echo a request) and never a key.
 */
final class InvoiceFailures {
  private InvoiceFailures() {}

  static String describe(InvoicingFailure e) {
    return switch (e.kind()) {
      case INVALID ->
          e.param().filter(p -> p.contains("currency")).isPresent()
              ? "Stripe refused the invoice: a line's currency differs from the invoice's."
                  + " Use catalog prices in the invoice's currency."
              : "Stripe refused the invoice"
                  + e.param().map(p -> " (" + p + ")").orElse("")
                  + "; check the lines and the currency.";
      case NOT_FOUND ->
          "Stripe no longer has a price or customer this invoice uses; search the catalog again.";
      case AUTHENTICATION, PERMISSION ->
          "Stripe rejected this workspace's key; an admin should check the Stripe connection"
              + " under Settings.";
      case RATE_LIMITED -> "Stripe is busy (rate limit); try again in a moment.";
      case CONFLICT, UNAVAILABLE, SIGNATURE ->
          "Stripe could not complete the invoice just now; try again (it will not be created"
              + " twice).";
    };
  }

  /**
   * A failure to reach the provider or Attio while the dialog works: the provider's in its words
   * (above), a missing connection as it says itself, anything else as Attio not answering.
   */
  static String describe(RuntimeException e) {
    return switch (e) {
      case InvoicingFailure failure -> describe(failure);
      case ProviderNotConnected notConnected -> notConnected.getMessage();
      default -> "Attio could not answer just now; try again.";
    };
  }
}
