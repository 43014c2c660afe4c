package dev.invoicebridge.vault;

import java.util.Objects;

/** A secret value that never prints itself: logs and messages show "[redacted]". */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** The plaintext, for the one call that sends it to its provider. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
