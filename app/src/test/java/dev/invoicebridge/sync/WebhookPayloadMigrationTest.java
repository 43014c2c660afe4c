package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.support.TestDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V11 moves each stored event's raw body out of its inbox row, keeping every body as it was. */
class WebhookPayloadMigrationTest {
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void every_stored_body_moves_to_its_own_table_unchanged(TestDatabases.Kind kind) {
    DataSource database = TestDatabases.migratedTo(kind, "10");
    JdbcClient jdbc = JdbcClient.create(database);
    Timestamp at = Timestamp.from(Instant.parse("2026-11-01T10:00:00Z"));
    jdbc.sql("insert into workspace (id, slug, name, created_at) values ('w1', 'mine', 'Mine', ?)")
        .params(at)
        .update();
    String body = "{\"id\":\"evt_1\",\"data\":\"" + "é€x".repeat(3000) + "\"}";
    for (String[] event :
        new String[][] {{"evt_1", body, null}, {"evt_2", "{}", "2026-11-01T10:00:01Z"}}) {
      jdbc.sql(
              "insert into webhook_inbox (provider, event_id, workspace_id, event_type, object_id,"
                  + " payload, received_at, processed_at, next_attempt_at, attempts)"
                  + " values ('STRIPE', ?, 'w1', 'invoice.paid', 'in_1', ?, ?, ?, ?, 0)")
          .params(
              event[0],
              event[1],
              at,
              event[2] == null ? null : Timestamp.from(Instant.parse(event[2])),
              at)
          .update();
    }

    TestDatabases.migrate(database, null);

    assertThat(
            jdbc.sql("select payload from webhook_payload where event_id = 'evt_1'")
                .query(String.class)
                .single())
        .isEqualTo(body);
    assertThat(
            jdbc.sql("select payload from webhook_payload where event_id = 'evt_2'")
                .query(String.class)
                .single())
        .isEqualTo("{}");
    assertThat(
            jdbc.sql("select count(*) from webhook_inbox where processed_at is null")
                .query(Long.class)
                .single())
        .isOne();
    assertThatThrownBy(() -> jdbc.sql("select payload from webhook_inbox").query().listOfRows())
        .isInstanceOf(BadSqlGrammarException.class);
  }
}
