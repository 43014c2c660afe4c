package dev.invoicebridge.sandbox.stripe;

/** A fault the sandbox can inject into its next API calls. */
public enum StripeFault {
  /** HTTP 500 with Stripe's api_error envelope. */
  SERVER_ERROR,
  /** HTTP 429 {@code rate_limit}, as when the test-mode limit is exceeded. */
  RATE_LIMIT,
  /** No answer until well after the client's read timeout. */
  TIMEOUT
}
