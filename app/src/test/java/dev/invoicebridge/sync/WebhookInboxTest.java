package dev.invoicebridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook inbox on H2 and on real PostgreSQL. */
class WebhookInboxTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_event_is_stored_once_and_offered_to_the_sweep_until_processed(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    WorkspaceId workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    WebhookInbox inbox = new WebhookInbox(jdbc, clock);
    WebhookEvent event =
        new WebhookEvent("evt_1", "invoice.paid", clock.instant(), Optional.of("in_1"));

    assertThat(inbox.store(workspace, Provider.STRIPE, event, "{\"id\":\"evt_1\"}")).isTrue();
    assertThat(inbox.store(workspace, Provider.STRIPE, event, "{\"id\":\"evt_1\"}")).isFalse();
    assertThat(inbox.unprocessed(clock.instant(), 10)).isEmpty();
    clock.advance(Duration.ofMinutes(3));
    InboxEvent stored = inbox.unprocessed(clock.instant(), 10).getFirst();
    assertThat(stored.objectId()).hasValue("in_1");
    assertThat(stored.type()).isEqualTo("invoice.paid");

    inbox.failed(stored, "InvoicingFailure UNAVAILABLE");
    assertThat(inbox.unprocessed(clock.instant(), 10)).hasSize(1);
    inbox.processed(stored);
    assertThat(inbox.unprocessed(clock.instant(), 10)).isEmpty();
    assertThat(inbox.get(Provider.STRIPE, "evt_1").orElseThrow().processedAt()).isPresent();
  }
}
