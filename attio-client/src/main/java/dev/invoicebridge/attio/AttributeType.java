package dev.invoicebridge.attio;

import java.util.Arrays;
import java.util.Locale;

/** Attio's attribute types, with their wire names. */
public enum AttributeType {
  TEXT,
  NUMBER,
  CHECKBOX,
  CURRENCY,
  DATE,
  TIMESTAMP,
  RATING,
  STATUS,
  SELECT,
  RECORD_REFERENCE,
  ACTOR_REFERENCE,
  LOCATION,
  DOMAIN,
  EMAIL_ADDRESS,
  PHONE_NUMBER,
  INTERACTION,
  PERSONAL_NAME,
  /** A type this client does not know yet (Attio adds types); such attributes are left alone. */
  UNKNOWN;

  /** The name Attio uses, such as {@code record-reference}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The type for Attio's name; {@link #UNKNOWN} for a name this client does not know. */
  public static AttributeType fromWire(String wireName) {
    return Arrays.stream(values())
        .filter(t -> t != UNKNOWN && t.wireName().equals(wireName))
        .findFirst()
        .orElse(UNKNOWN);
  }

  /** Whether Attio lets an attribute of this type be created through the API. */
  public boolean creatable() {
    return this != INTERACTION && this != PERSONAL_NAME && this != UNKNOWN;
  }
}
