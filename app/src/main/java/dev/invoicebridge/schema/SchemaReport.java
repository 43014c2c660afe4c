package dev.invoicebridge.schema;

import java.util.List;
import java.util.Objects;

/**
 * What a schema check or set-up found: the object's state, each field's attribute, problems in
 * plain words, and how many writes to Attio the run made.
 *
 * @param problems object-level problems (such as a required attribute nobody fills)
 */
public record SchemaReport(
    String objectSlug,
    ObjectState object,
    List<FieldReport> fields,
    List<String> problems,
    int writes) {
  public SchemaReport {
    Objects.requireNonNull(objectSlug, "objectSlug");
    Objects.requireNonNull(object, "object");
    fields = List.copyOf(fields);
    problems = List.copyOf(problems);
  }

  /** The invoices object in Attio. */
  public enum ObjectState {
    PRESENT,
    CREATED,
    MISSING,
    /** Attio refused to create it; {@link #problems} says why. */
    REFUSED
  }

  /** One field's attribute. */
  public enum FieldState {
    PRESENT,
    CREATED,
    MISSING,
    INCOMPATIBLE
  }

  /**
   * @param problem why the attribute cannot be used (INCOMPATIBLE), what it lacks, or how it
   *     misleads (a currency other than the workspace's); else null
   * @param missingOptions select options the attribute still lacks
   */
  public record FieldReport(
      InvoiceField field,
      String attributeSlug,
      FieldState state,
      String problem,
      List<String> missingOptions) {
    public FieldReport {
      missingOptions = List.copyOf(missingOptions);
    }

    public boolean usable() {
      return (state == FieldState.PRESENT || state == FieldState.CREATED)
          && missingOptions.isEmpty();
    }
  }

  /** Everything is in place: invoices can be written. */
  public boolean healthy() {
    return (object == ObjectState.PRESENT || object == ObjectState.CREATED)
        && problems.isEmpty()
        && fields.stream().allMatch(FieldReport::usable);
  }

  public List<FieldReport> incompatible() {
    return fields.stream().filter(f -> f.state() == FieldState.INCOMPATIBLE).toList();
  }

  /**
   * A few sentences for the admin. A run that wrote nothing says so first ("No changes made"),
   * before whatever still stands in the way.
   */
  public String summary() {
    if (object == ObjectState.REFUSED) {
      return "Attio refused to create the object \"" + objectSlug + "\": " + problems.getFirst();
    }
    if (object == ObjectState.MISSING) {
      return "The object \"" + objectSlug + "\" does not exist in Attio yet; set up the schema.";
    }
    if (writes == 0 && healthy()) {
      return "No changes made: the object \""
          + objectSlug
          + "\" and all its attributes are already in place.";
    }
    StringBuilder text = new StringBuilder(writes == 0 ? "No changes made. " : "");
    if (object == ObjectState.CREATED) {
      text.append("Created the object \"").append(objectSlug).append("\". ");
    }
    count(text, FieldState.CREATED, "Created %d attribute(s). ");
    count(text, FieldState.MISSING, "%d attribute(s) are missing. ");
    long lacking =
        fields.stream()
            .filter(f -> f.state() != FieldState.MISSING && !f.missingOptions().isEmpty())
            .count();
    if (lacking > 0) {
      text.append(lacking).append(" attribute(s) lack select options. ");
    }
    List<FieldReport> bad = incompatible();
    if (!bad.isEmpty()) {
      text.append(bad.size()).append(" attribute(s) cannot be used: ");
      text.append(
          String.join(
              "; ",
              bad.stream().map(f -> "\"" + f.attributeSlug() + "\" " + f.problem()).toList()));
      text.append(". ");
    }
    problems.forEach(p -> text.append(p).append(' '));
    if (text.isEmpty()) {
      text.append("Added missing select options.");
    }
    return text.toString().strip();
  }

  private void count(StringBuilder text, FieldState state, String sentence) {
    long n = fields.stream().filter(f -> f.state() == state).count();
    if (n > 0) {
      text.append(String.format(java.util.Locale.ROOT, sentence, n));
    }
  }
}
