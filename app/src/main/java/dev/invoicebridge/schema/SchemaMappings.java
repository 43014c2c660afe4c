package dev.invoicebridge.schema;

import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Stores each workspace's {@link SchemaMapping}; a workspace without a row uses the defaults. */
@Repository
public class SchemaMappings {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> SLUGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Clock clock;

  SchemaMappings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public SchemaMapping get(WorkspaceId workspace) {
    return jdbc.sql(
            "select object_slug, currency_code, attribute_slugs from attio_schema_mapping"
                + " where workspace_id = ?")
        .param(workspace.value())
        .query(
            (rs, row) ->
                new SchemaMapping(
                    rs.getString("object_slug"),
                    rs.getString("currency_code"),
                    fields(JSON.readValue(rs.getString("attribute_slugs"), SLUGS))))
        .optional()
        .orElseGet(SchemaMapping::defaults);
  }

  /** Replaces the workspace's mapping (one statement per case, so it is atomic). */
  public void save(WorkspaceId workspace, SchemaMapping mapping) {
    Map<String, String> slugs = new TreeMap<>();
    mapping.overrides().forEach((field, slug) -> slugs.put(field.key(), slug));
    String json = JSON.writeValueAsString(slugs);
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.sql(
                "update attio_schema_mapping set object_slug = ?, currency_code = ?,"
                    + " attribute_slugs = ?, updated_at = ? where workspace_id = ?")
            .params(mapping.objectSlug(), mapping.currencyCode(), json, now, workspace.value())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into attio_schema_mapping (workspace_id, object_slug, currency_code,"
                  + " attribute_slugs, updated_at) values (?, ?, ?, ?, ?)")
          .params(workspace.value(), mapping.objectSlug(), mapping.currencyCode(), json, now)
          .update();
    }
  }

  private static Map<InvoiceField, String> fields(Map<String, String> stored) {
    Map<InvoiceField, String> fields = new EnumMap<>(InvoiceField.class);
    stored.forEach((key, slug) -> fields.put(InvoiceField.fromKey(key), slug));
    return fields;
  }
}
