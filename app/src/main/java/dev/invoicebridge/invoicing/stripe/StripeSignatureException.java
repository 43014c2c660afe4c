package dev.invoicebridge.invoicing.stripe;

import java.io.Serial;

/** A webhook whose {@code Stripe-Signature} does not prove it came from Stripe. */
public final class StripeSignatureException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    MALFORMED_HEADER,
    TIMESTAMP_OUTSIDE_TOLERANCE,
    NO_MATCHING_SIGNATURE,
    MALFORMED_PAYLOAD
  }

  private final Reason reason;

  StripeSignatureException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
