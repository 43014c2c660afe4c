package dev.invoicebridge.attio;

/** How an update treats multiselect attributes; single-value attributes are replaced either way. */
public enum UpdateMode {
  /** {@code PATCH}: given multiselect values are added to the existing ones. */
  APPEND,
  /** {@code PUT}: multiselect attributes end up with exactly the given values. */
  OVERWRITE
}
