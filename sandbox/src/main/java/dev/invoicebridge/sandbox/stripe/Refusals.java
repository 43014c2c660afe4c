package dev.invoicebridge.sandbox.stripe;

/**
 * What Stripe answers when the invoice's status forbids a transition: 400 {@code
 * invalid_request_error} without a code, as the reference sheet says of invalid transitions. The
 * sheet quotes no message; where public code that handles Stripe's answers quotes one, it is used
 * (noted), else the message is our best guess in Stripe's tone. Callers must not parse them.
 */
final class Refusals {
  private Refusals() {}

  static String pay(String status) {
    return switch (status) {
      // Both quoted by public code and issues that met them.
      case "paid" -> "Invoice is already paid.";
      case "void" -> "Voided invoices cannot be paid.";
      // Best guess.
      default -> "You can only pay an invoice that is open or uncollectible; this one is draft.";
    };
  }

  /** Best guess. */
  static String send(String status) {
    return "You can only send an open invoice; this invoice is " + status + ".";
  }

  /** Best guess. */
  static String voidInvoice(String status) {
    return "You can only void an open or uncollectible invoice; this invoice is " + status + ".";
  }

  /** Best guess. */
  static String markUncollectible(String status) {
    return "You can only mark an open invoice as uncollectible; this invoice is " + status + ".";
  }

  /** Best guess. */
  static String delete(String status) {
    return "You can only delete a draft invoice; this invoice is " + status + ". Void it instead.";
  }
}
