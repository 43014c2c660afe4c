package dev.invoicebridge.invoicing;

import dev.invoicebridge.attio.AttioAttribute;
import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioNotFoundException;
import dev.invoicebridge.attio.AttioValidationException;
import dev.invoicebridge.attio.AttioValue;
import dev.invoicebridge.attio.AttributeType;
import dev.invoicebridge.attio.RecordValues;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.schema.InvoiceField;
import dev.invoicebridge.schema.SchemaManager;
import dev.invoicebridge.schema.SchemaMapping;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Upserts invoices into the workspace's invoices object in Attio, keyed on the provider invoice id,
 * writing each field in the type its attribute has, and nothing when nothing changed. The schema is
 * set up first when the object or the key attribute is missing.
 */
@Component
public class AttioInvoiceRecords {
  private final AttioClients clients;
  private final SchemaManager schema;
  private final InvoiceMirror mirror;
  private final Clock clock;
  // Attribute types per workspace; dropped when Attio refuses a write, so a schema change is seen.
  private final Map<WorkspaceId, Map<String, AttributeType>> types = new ConcurrentHashMap<>();

  AttioInvoiceRecords(
      AttioClients clients, SchemaManager schema, InvoiceMirror mirror, Clock clock) {
    this.clients = clients;
    this.schema = schema;
    this.mirror = mirror;
    this.clock = clock;
  }

  /** Attempts to catch up with an invoice that keeps changing while it is written. */
  private static final int MAX_ROUNDS = 5;

  /**
   * Writes the invoice's current mirror state to Attio unless Attio already has these values; true
   * when it wrote. Concurrent writers may finish in any order, so after each write the mirror is
   * read again: if it moved on meanwhile, the newer state is written too, and the last write to
   * Attio is never older than the mirror.
   */
  public boolean upsert(WorkspaceId workspace, InvoiceId id) {
    boolean wrote = false;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      MirroredInvoice invoice = mirror.get(workspace, id).orElseThrow();
      if (!write(workspace, invoice)) {
        return wrote;
      }
      wrote = true;
      if (mirror.get(workspace, id).orElseThrow().version() == invoice.version()) {
        return true;
      }
    }
    return wrote;
  }

  private boolean write(WorkspaceId workspace, MirroredInvoice invoice) {
    SchemaMapping mapping = schema.mapping(workspace);
    AttioClient attio = clients.forWorkspace(workspace);
    Map<String, AttributeType> attributeTypes = attributeTypes(workspace, attio, mapping);
    RecordValues.Builder values = RecordValues.builder();
    for (InvoiceField field : InvoiceField.values()) {
      String slug = mapping.slug(field);
      AttributeType type = attributeTypes.get(slug);
      if (type != null && field.acceptedTypes().contains(type)) {
        InvoiceValues.value(field, type, invoice).ifPresent(v -> values.set(slug, v));
      }
    }
    String hash = hash(values.build());
    if (invoice.attioValuesHash().filter(hash::equals).isPresent()) {
      return false;
    }
    String synced = mapping.slug(InvoiceField.LAST_SYNCED_AT);
    if (attributeTypes.get(synced) == AttributeType.TIMESTAMP) {
      values.set(synced, new AttioValue.Timestamp(clock.instant()));
    }
    try {
      attio.assertRecord(
          mapping.objectSlug(), mapping.slug(InvoiceField.PROVIDER_INVOICE_ID), values.build());
    } catch (AttioValidationException | AttioNotFoundException e) {
      types.remove(workspace);
      throw e;
    }
    mirror.attioWritten(workspace, invoice.id(), hash);
    return true;
  }

  private Map<String, AttributeType> attributeTypes(
      WorkspaceId workspace, AttioClient attio, SchemaMapping mapping) {
    Map<String, AttributeType> known = types.get(workspace);
    if (known != null) {
      return known;
    }
    Map<String, AttributeType> found = read(attio, mapping);
    // Something mapped is missing: set it up. This also waits for a set-up already under way (the
    // one a Stripe check starts), so the first invoice is not written against half a schema.
    if (!found.keySet().containsAll(mapping.slugs().values())) {
      schema.ensure(workspace);
      found = read(attio, mapping);
    }
    types.put(workspace, found);
    return found;
  }

  @EventListener
  void schemaSetUp(SchemaManager.SchemaSetUp setUp) {
    types.remove(setUp.workspace());
  }

  private static Map<String, AttributeType> read(AttioClient attio, SchemaMapping mapping) {
    List<AttioAttribute> attributes;
    try {
      attributes = attio.listAttributes(mapping.objectSlug());
    } catch (AttioNotFoundException e) {
      return Map.of();
    }
    return attributes.stream()
        .filter(a -> !a.isArchived())
        .collect(Collectors.toMap(AttioAttribute::apiSlug, AttioAttribute::type, (a, b) -> a));
  }

  static String hash(RecordValues values) {
    return Sha256.hex(values.toString());
  }
}
