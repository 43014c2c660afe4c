package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.Objects;

/**
 * A value as Attio stores it: the value plus when it became active, when it stopped being active
 * (null while current) and who wrote it.
 */
public record StoredValue(
    AttioValue value, Instant activeFrom, Instant activeUntil, Actor createdBy) {
  public StoredValue {
    Objects.requireNonNull(value, "value");
  }

  /** Whether this is a current value (record reads only return current ones). */
  public boolean isActive() {
    return activeUntil == null;
  }
}
