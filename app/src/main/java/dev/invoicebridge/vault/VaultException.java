package dev.invoicebridge.vault;

/** A secret could not be sealed or opened; the message never contains secret material. */
public final class VaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  VaultException(String message, Throwable cause) {
    super(message, cause);
  }

  VaultException(String message) {
    super(message);
  }
}
