package dev.invoicebridge.attio;

/**
 * Changes to a select option; a null field is left as it is. Options cannot be deleted, only
 * archived (and restored).
 */
public record OptionUpdate(String title, Boolean archived) {
  public OptionUpdate {
    if (title != null && title.isBlank()) {
      throw new IllegalArgumentException("an option title cannot be blank");
    }
  }

  public static OptionUpdate none() {
    return new OptionUpdate(null, null);
  }

  public OptionUpdate title(String newTitle) {
    return new OptionUpdate(newTitle, archived);
  }

  public OptionUpdate archived(boolean newArchived) {
    return new OptionUpdate(title, newArchived);
  }
}
