package dev.invoicebridge.invoicing;

import java.util.Locale;

/** What to do with the invoice once its lines are in. */
public enum Action {
  /** Keep it as a draft the operator can still edit. */
  DRAFT,
  /** Finalize: a number and a hosted payment page are assigned. */
  FINALIZE,
  /** Finalize and have the provider email it to the customer. */
  FINALIZE_AND_SEND;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
