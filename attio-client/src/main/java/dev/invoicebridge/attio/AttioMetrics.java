package dev.invoicebridge.attio;

import java.time.Duration;

/**
 * Where the client reports what it does, so the service can bind it to its metrics registry without
 * this module knowing one. Calls happen on the calling thread; keep them cheap.
 */
public interface AttioMetrics {
  /** Reports nothing. */
  AttioMetrics NONE = new AttioMetrics() {};

  /**
   * One HTTP exchange finished ({@code status} 0 when no answer came).
   *
   * @param write whether it counted against the write limit
   */
  default void exchanged(boolean write, int status, Duration elapsed) {}

  /** The client held a call back to stay under Attio's rate limit. */
  default void paced(boolean write, Duration waited) {}

  /**
   * A call is being retried; {@code reason} is a short tag such as {@code "429"} or {@code "503"}.
   */
  default void retried(String reason) {}

  /** A call failed for good; {@code errorType} is the exception's simple name. */
  default void failed(String errorType) {}
}
