package dev.invoicebridge.schema;

import dev.invoicebridge.attio.AttioAttribute;
import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioConflictException;
import dev.invoicebridge.attio.AttioObject;
import dev.invoicebridge.attio.AttributeType;
import dev.invoicebridge.attio.NewAttribute;
import dev.invoicebridge.attio.NewObject;
import dev.invoicebridge.attio.ObjectId;
import dev.invoicebridge.attio.SelectOption;
import dev.invoicebridge.schema.SchemaReport.FieldReport;
import dev.invoicebridge.schema.SchemaReport.FieldState;
import dev.invoicebridge.schema.SchemaReport.ObjectState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks, or sets up, one workspace's invoices schema through one Attio client. Set-up reads first
 * and creates only what is missing (object, attributes, select options), so a second run makes no
 * writes; an attribute created by a concurrent run is adopted, not duplicated.
 */
final class SchemaSetup {
  private final AttioClient attio;
  private int writes;
  private SchemaMapping mapping;

  SchemaSetup(AttioClient attio) {
    this.attio = attio;
  }

  /** Reads only: what is present, compatible and missing. */
  SchemaReport inspect(SchemaMapping mapping) {
    return run(mapping, false);
  }

  /** Creates what is missing and reports what cannot be used. */
  SchemaReport ensure(SchemaMapping mapping) {
    return run(mapping, true);
  }

  private SchemaReport run(SchemaMapping mapping, boolean create) {
    writes = 0;
    this.mapping = mapping;
    Map<String, AttioObject> objects =
        attio.listObjects().stream()
            .collect(Collectors.toMap(AttioObject::apiSlug, Function.identity(), (a, b) -> a));
    String slug = mapping.objectSlug();
    ObjectState objectState = objects.containsKey(slug) ? ObjectState.PRESENT : ObjectState.MISSING;
    if (objectState == ObjectState.MISSING && create) {
      try {
        writes++;
        attio.createObject(new NewObject(slug, "Invoice", "Invoices"));
        objectState = ObjectState.CREATED;
      } catch (AttioConflictException e) {
        return refused(
            mapping,
            "an object is already named Invoice or Invoices under another slug; enter that"
                + " object's slug to map onto it");
      }
    }
    if (objectState == ObjectState.MISSING) {
      List<FieldReport> fields = new ArrayList<>();
      mapping.slugs().forEach((f, s) -> fields.add(missing(f, s, f.selectOptions())));
      return new SchemaReport(slug, objectState, fields, List.of(), writes);
    }
    return attributes(mapping, objectState, objects, create);
  }

  private SchemaReport attributes(
      SchemaMapping mapping,
      ObjectState objectState,
      Map<String, AttioObject> objects,
      boolean create) {
    String object = mapping.objectSlug();
    Map<String, AttioAttribute> existing = bySlug(attio.listAttributes(object));
    List<FieldReport> fields = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<InvoiceField, String> entry : mapping.slugs().entrySet()) {
      InvoiceField field = entry.getKey();
      String slug = entry.getValue();
      Optional<ObjectId> target =
          Optional.ofNullable(field.referencedObject()).map(objects::get).map(AttioObject::id);
      if (field.referencedObject() != null && target.isEmpty()) {
        fields.add(
            new FieldReport(
                field,
                slug,
                FieldState.INCOMPATIBLE,
                "cannot be set up: Attio has no " + field.referencedObject() + " object",
                List.of()));
        continue;
      }
      AttioAttribute attribute = existing.get(slug);
      FieldState state = FieldState.PRESENT;
      if (attribute == null && create) {
        attribute = createAttribute(object, field, slug, mapping.currencyCode());
        state = FieldState.CREATED;
      }
      if (attribute == null) {
        fields.add(missing(field, slug, field.selectOptions()));
        continue;
      }
      FieldReport report = checked(field, attribute, state, target, create);
      fields.add(report);
      if (report.usable()) {
        AttributeCheck.currencyMismatch(attribute, mapping.currencyCode())
            .ifPresent(
                p -> problems.add("Attribute \"" + report.attributeSlug() + "\" " + p + "."));
      }
    }
    Set<String> mapped = new HashSet<>(mapping.slugs().values());
    existing.values().stream()
        .filter(a -> a.isRequired() && !a.isArchived() && !mapped.contains(a.apiSlug()))
        .filter(a -> a.flags().writable() && !a.flags().system())
        .forEach(
            a ->
                problems.add(
                    "Attribute \""
                        + a.apiSlug()
                        + "\" is required in Attio but Invoicebridge does not fill it; make it"
                        + " optional or map a field to it."));
    return new SchemaReport(object, objectState, fields, problems, writes);
  }

  private FieldReport checked(
      InvoiceField field,
      AttioAttribute attribute,
      FieldState state,
      Optional<ObjectId> target,
      boolean create) {
    String object = mapping.objectSlug();
    Optional<String> problem = AttributeCheck.problem(field, attribute, target);
    if (problem.isPresent()) {
      return new FieldReport(
          field, attribute.apiSlug(), FieldState.INCOMPATIBLE, problem.get(), List.of());
    }
    List<String> missingOptions = List.of();
    if (attribute.type() == AttributeType.SELECT && !field.selectOptions().isEmpty()) {
      missingOptions = options(object, attribute.apiSlug(), field.selectOptions(), create);
    }
    String note =
        missingOptions.isEmpty()
            ? AttributeCheck.currencyMismatch(attribute, mapping.currencyCode()).orElse(null)
            : "lacks options " + String.join(", ", missingOptions);
    return new FieldReport(field, attribute.apiSlug(), state, note, missingOptions);
  }

  /** The needed option titles still missing after this run (none when creating succeeded). */
  private List<String> options(
      String object, String attribute, List<String> needed, boolean create) {
    Set<String> present =
        attio.listSelectOptions(object, attribute).stream()
            .filter(o -> !o.archived())
            .map(SelectOption::title)
            .collect(Collectors.toSet());
    List<String> missing = needed.stream().filter(t -> !present.contains(t)).toList();
    if (!create) {
      return missing;
    }
    List<String> stillMissing = new ArrayList<>();
    for (String title : missing) {
      try {
        writes++;
        attio.createSelectOption(object, attribute, title);
      } catch (AttioConflictException e) {
        // Taken by a concurrent run, or archived: an archived option needs an admin to restore it.
        stillMissing.add(title);
      }
    }
    if (!stillMissing.isEmpty()) {
      Set<String> now =
          attio.listSelectOptions(object, attribute).stream()
              .filter(o -> !o.archived())
              .map(SelectOption::title)
              .collect(Collectors.toSet());
      stillMissing.removeIf(now::contains);
    }
    return stillMissing;
  }

  private AttioAttribute createAttribute(
      String object, InvoiceField field, String slug, String currency) {
    NewAttribute attribute = NewAttribute.of(slug, field.title(), field.createdType());
    if (field.isKey()) {
      attribute = attribute.unique();
    }
    if (field.createdType() == AttributeType.CURRENCY) {
      attribute = attribute.currency(currency);
    }
    if (field.referencedObject() != null) {
      attribute = attribute.referencing(field.referencedObject());
    }
    try {
      writes++;
      return attio.createAttribute(object, attribute);
    } catch (AttioConflictException e) {
      // Another instance created it between our read and our write: use theirs.
      return attio.getAttribute(object, slug);
    }
  }

  private SchemaReport refused(SchemaMapping mapping, String why) {
    return new SchemaReport(
        mapping.objectSlug(), ObjectState.REFUSED, List.of(), List.of(why), writes);
  }

  private static FieldReport missing(InvoiceField field, String slug, List<String> options) {
    return new FieldReport(field, slug, FieldState.MISSING, null, options);
  }

  private static Map<String, AttioAttribute> bySlug(List<AttioAttribute> attributes) {
    return attributes.stream()
        .collect(Collectors.toMap(AttioAttribute::apiSlug, Function.identity(), (a, b) -> a));
  }
}
