package dev.invoicebridge.connection;

/** Checks one kind of connection with a cheap, side-effect-free call to its API. */
public interface ConnectionProbe {
  ConnectionKind kind();

  /**
   * @return the account's display name as the provider reports it
   * @throws ProbeFailure with a message fit for an operator (never provider text or a secret)
   */
  String probe(ConnectionTarget target);

  /** A failed check, with a message written by us for operators. */
  final class ProbeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProbeFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
