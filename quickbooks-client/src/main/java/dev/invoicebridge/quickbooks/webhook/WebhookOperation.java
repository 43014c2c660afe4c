package dev.invoicebridge.quickbooks.webhook;

import java.util.Locale;

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

  static WebhookOperation fromLegacy(String name) {
    for (WebhookOperation op : values()) {
      if (op.legacyName.equalsIgnoreCase(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("Unknown QuickBooks webhook operation: " + name);
  }

  static WebhookOperation fromVerb(String verb) {
    for (WebhookOperation op : values()) {
      if (op.cloudEventVerb.equals(verb.toLowerCase(Locale.ROOT))) {
        return op;
      }
    }
    throw new IllegalArgumentException("Unknown QuickBooks CloudEvents verb: " + verb);
  }
}
