package dev.invoicebridge.attio;

import java.util.Objects;

/** An option of a select attribute; titles are unique per attribute. */
public record SelectOption(OptionId id, String title, boolean archived) {
  public SelectOption {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }
}
