package dev.invoicebridge.invoicing;

import java.io.Serial;
import java.util.Optional;

/**
 * A provider refused or could not be reached, in provider-neutral terms: callers branch on {@link
 * #kind()}, never on the message, which is ours and holds no secret.
 */
public final class InvoicingFailure extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** What kind of failure. */
  public enum Kind {
    /** The provider refused the content; {@link #param()} names the field when known. */
    INVALID,
    NOT_FOUND,
    /** The key is wrong, expired or revoked. */
    AUTHENTICATION,
    /** The key lacks a permission. */
    PERMISSION,
    RATE_LIMITED,
    /** The object's state forbids the call. */
    CONFLICT,
    /** The provider failed or could not be reached; the outcome may be unknown. */
    UNAVAILABLE,
    /** A signed webhook could not be proven. */
    SIGNATURE
  }

  private final Kind kind;
  private final Provider provider;
  private final String providerCode;
  private final String param;

  public InvoicingFailure(
      Kind kind, Provider provider, String message, Details details, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.provider = provider;
    this.providerCode = details.providerCode();
    this.param = details.param();
  }

  /** What the provider said beside the kind, when it said it. */
  public record Details(String providerCode, String param) {
    public static Details none() {
      return new Details(null, null);
    }
  }

  public Kind kind() {
    return kind;
  }

  public Provider provider() {
    return provider;
  }

  public Optional<String> providerCode() {
    return Optional.ofNullable(providerCode);
  }

  public Optional<String> param() {
    return Optional.ofNullable(param);
  }
}
