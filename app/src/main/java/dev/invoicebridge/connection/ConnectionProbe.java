package dev.invoicebridge.connection;

/** Checks one kind of connection with cheap, side-effect-free calls to its API. */
public interface ConnectionProbe {
  ConnectionKind kind();

  /**
   * @return what the provider reports about the account, and the permissions the credential lacks
   * @throws ProbeFailure with a message fit for an operator (never provider text or a secret)
   */
  Probed probe(ConnectionTarget target);

  /** A failed check, with a message written by us for operators. */
  final class ProbeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean credentialRejected;

    /** The service could not be asked (unreachable, rate limited, failing). */
    public ProbeFailure(String message, Throwable cause) {
      this(message, cause, false);
    }

    /**
     * @param credentialRejected whether the provider refused the credential itself (wrong, revoked
     *     or expired), as opposed to not answering
     */
    public ProbeFailure(String message, Throwable cause, boolean credentialRejected) {
      super(message, cause);
      this.credentialRejected = credentialRejected;
    }

    public boolean credentialRejected() {
      return credentialRejected;
    }
  }
}
