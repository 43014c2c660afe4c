package dev.invoicebridge.invoicing.stripe;

import java.util.Locale;
import java.util.Set;

/**
 * A transition of Stripe's invoice state machine: the statuses it may start from and the one it
 * leads to. Stripe refuses a transition the status forbids with a 400 whose code and wording we
 * cannot rely on, so a refusal is settled by reading the invoice instead.
 */
enum InvoiceTransition {
  FINALIZE("finalize", InvoiceStatus.OPEN, Set.of(InvoiceStatus.DRAFT)),
  // Sending changes no status: an open invoice stays open.
  SEND("send", null, Set.of(InvoiceStatus.OPEN)),
  PAY("pay", InvoiceStatus.PAID, Set.of(InvoiceStatus.OPEN, InvoiceStatus.UNCOLLECTIBLE)),
  VOID("void", InvoiceStatus.VOID, Set.of(InvoiceStatus.OPEN, InvoiceStatus.UNCOLLECTIBLE)),
  UNCOLLECTIBLE("mark uncollectible", InvoiceStatus.UNCOLLECTIBLE, Set.of(InvoiceStatus.OPEN)),
  DELETE("delete", null, Set.of(InvoiceStatus.DRAFT));

  final String action;
  private final InvoiceStatus target;
  private final Set<InvoiceStatus> from;

  InvoiceTransition(String action, InvoiceStatus target, Set<InvoiceStatus> from) {
    this.action = action;
    this.target = target;
    this.from = from;
  }

  /**
   * After Stripe refused this transition with a 400, given the invoice as it is now: returns it
   * when it is already in the target status (an earlier attempt went through); throws a {@link
   * StripeFailure.StateConflict} when its status is one the transition cannot start from; else
   * throws Stripe's refusal, which was about something other than the status.
   */
  StripeInvoice settle(StripeFailure refused, StripeInvoice current) {
    if (target != null && current.status() == target) {
      return current;
    }
    if (!from.contains(current.status())) {
      throw StripeFailure.stateConflict(
          "Stripe refused to "
              + action
              + " the invoice: it is "
              + current.status().name().toLowerCase(Locale.ROOT),
          refused);
    }
    throw refused;
  }
}
