package dev.invoicebridge.connection;

import java.util.Objects;

/**
 * A permission the connection's credential lacks, as the provider's dashboard names it.
 *
 * @param id the provider's permission id, such as {@code invoice_write}
 * @param name the dashboard's name, such as {@code Invoices Write}
 */
public record MissingPermission(String id, String name) {
  public MissingPermission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (id.isBlank() || name.isBlank() || (id + name).contains("|") || (id + name).contains(",")) {
      throw new IllegalArgumentException("A permission id and name are plain words: " + id);
    }
  }

  /** What the dashboard's setting is called, such as {@code Invoices}. */
  public String resource() {
    int space = name.lastIndexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  /** The level to choose for it, such as {@code Write}. */
  public String level() {
    int space = name.lastIndexOf(' ');
    return space < 0 ? "" : name.substring(space + 1);
  }
}
