package dev.invoicebridge.quickbooks.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What happened to the entity; legacy names and CloudEvents verbs map onto the same values. */
public enum WebhookOperation {
  CREATE("Create", "created"),
  UPDATE("Update", "updated"),
  DELETE("Delete", "deleted"),
  MERGE("Merge", "merged"),
  VOID("Void", "voided"),
  EMAILED("Emailed", "emailed");

  private final String legacyName;
  private final String cloudEventVerb;

  WebhookOperation(String legacyName, String cloudEventVerb) {
    this.legacyName = legacyName;
    this.cloudEventVerb = cloudEventVerb;
  }

  /** The legacy {@code operation} value, such as {@code Update}. */
  public String legacyName() {
    return legacyName;
  }

  /** The verb in a CloudEvents type, such as {@code updated} in {@code qbo.invoice.updated.v1}. */
  public String cloudEventVerb() {
    return cloudEventVerb;
  }

  /** The operation with this legacy name, or empty for one Intuit added after this client. */
  static Optional<WebhookOperation> fromLegacy(String name) {
    return Arrays.stream(values()).filter(op -> op.legacyName.equalsIgnoreCase(name)).findFirst();
  }

  /** The operation with this CloudEvents verb, or empty for one this client does not know. */
  static Optional<WebhookOperation> fromVerb(String verb) {
    String lower = verb.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(op -> op.cloudEventVerb.equals(lower)).findFirst();
  }
}
