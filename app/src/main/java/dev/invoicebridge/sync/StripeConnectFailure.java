package dev.invoicebridge.sync;

/** Connecting Stripe could not be done, for a reason that is not the admin's input. */
public final class StripeConnectFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** Stripe could not be asked (unreachable, rate limited, failing): try again later. */
    STRIPE_UNAVAILABLE,
    /** The sandbox was asked for while sandbox mode is off, or for another workspace. */
    SANDBOX_UNAVAILABLE
  }

  private final Reason reason;

  StripeConnectFailure(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
