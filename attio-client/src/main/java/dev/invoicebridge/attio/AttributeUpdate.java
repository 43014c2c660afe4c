package dev.invoicebridge.attio;

/**
 * Changes to an attribute; a null field is left as it is. Attributes cannot be deleted, only
 * archived.
 */
public record AttributeUpdate(
    String title, String description, Boolean required, Boolean unique, Boolean archived) {
  public static AttributeUpdate none() {
    return new AttributeUpdate(null, null, null, null, null);
  }

  public AttributeUpdate title(String newTitle) {
    return new AttributeUpdate(newTitle, description, required, unique, archived);
  }

  public AttributeUpdate description(String newDescription) {
    return new AttributeUpdate(title, newDescription, required, unique, archived);
  }

  public AttributeUpdate required(boolean newRequired) {
    return new AttributeUpdate(title, description, newRequired, unique, archived);
  }

  public AttributeUpdate unique(boolean newUnique) {
    return new AttributeUpdate(title, description, required, newUnique, archived);
  }

  public AttributeUpdate archived(boolean newArchived) {
    return new AttributeUpdate(title, description, required, unique, newArchived);
  }
}
