package dev.invoicebridge.api;

import dev.invoicebridge.schema.InvoiceField;
import dev.invoicebridge.schema.SchemaManager;
import dev.invoicebridge.schema.SchemaMapping;
import dev.invoicebridge.schema.SchemaReport;
import dev.invoicebridge.security.CurrentActor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The invoices schema in Attio (admin scope): mapping, health, and set-up. */
@RestController
@RequestMapping("/api/v1/schema")
class SchemaApi {
  private final SchemaManager schema;

  SchemaApi(SchemaManager schema) {
    this.schema = schema;
  }

  /** The mapping as clients send and receive it; attribute keys are invoice field keys. */
  record MappingView(String objectSlug, String currencyCode, Map<String, String> attributes) {
    static MappingView of(SchemaMapping mapping) {
      Map<String, String> slugs = new LinkedHashMap<>();
      mapping.slugs().forEach((field, slug) -> slugs.put(field.key(), slug));
      return new MappingView(mapping.objectSlug(), mapping.currencyCode(), slugs);
    }
  }

  /** One field's attribute in a report. */
  record AttributeView(
      String field,
      String attributeSlug,
      String state,
      String problem,
      List<String> missingOptions) {
    static AttributeView of(SchemaReport.FieldReport f) {
      return new AttributeView(
          f.field().key(), f.attributeSlug(), lower(f.state()), f.problem(), f.missingOptions());
    }
  }

  /** A check or set-up result. */
  record ReportView(
      String objectSlug,
      String object,
      boolean healthy,
      String summary,
      int writes,
      List<String> problems,
      List<AttributeView> attributes) {
    static ReportView of(SchemaReport r) {
      return new ReportView(
          r.objectSlug(),
          lower(r.object()),
          r.healthy(),
          r.summary(),
          r.writes(),
          r.problems(),
          r.fields().stream().map(AttributeView::of).toList());
    }
  }

  /** The current mapping with its health. */
  record SchemaView(MappingView mapping, ReportView report) {}

  @GetMapping
  SchemaView get() {
    var workspace = CurrentActor.get().workspaceId();
    return new SchemaView(
        MappingView.of(schema.mapping(workspace)), ReportView.of(schema.health(workspace)));
  }

  /** Saves a mapping (fields left out use their default attributes) and sets it up. */
  @PutMapping
  SchemaView put(@RequestBody MappingView request) {
    SchemaMapping mapping =
        SchemaMapping.parse(
            request.objectSlug(),
            request.currencyCode(),
            request.attributes() == null ? Map.of() : request.attributes());
    SchemaReport report = schema.ensure(CurrentActor.get().workspaceId(), mapping);
    return new SchemaView(MappingView.of(mapping), ReportView.of(report));
  }

  /** Sets up the current mapping: creates what is missing, reports what cannot be used. */
  @PostMapping("/setup")
  SchemaView setup() {
    var workspace = CurrentActor.get().workspaceId();
    SchemaReport report = schema.ensure(workspace);
    return new SchemaView(MappingView.of(schema.mapping(workspace)), ReportView.of(report));
  }

  /** Field keys Invoicebridge writes, for clients building a mapping form. */
  @GetMapping("/fields")
  List<String> fields() {
    return Arrays.stream(InvoiceField.values()).map(InvoiceField::key).toList();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
