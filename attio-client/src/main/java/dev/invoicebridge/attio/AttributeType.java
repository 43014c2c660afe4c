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
  PERSONAL_NAME;

  /** The name Attio uses, such as {@code record-reference}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static AttributeType fromWire(String wireName) {
    return Arrays.stream(values())
        .filter(t -> t.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown attribute type " + wireName));
  }

  /** Whether Attio lets an attribute of this type be created through the API. */
  public boolean creatable() {
    return this != INTERACTION && this != PERSONAL_NAME;
  }
}
