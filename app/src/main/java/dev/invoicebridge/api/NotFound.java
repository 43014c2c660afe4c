package dev.invoicebridge.api;

/** A resource the caller asked for does not exist in their workspace (answered as 404). */
final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFound(String message) {
    super(message);
  }
}
