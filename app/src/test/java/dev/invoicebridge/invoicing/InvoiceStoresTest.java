package dev.invoicebridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The invoice mirror and the idempotency claims, on H2 and on real PostgreSQL. */
class InvoiceStoresTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_provider_invoice_is_mirrored_once_and_updated_only_from_the_version_read(
      TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    WorkspaceId workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    InvoiceMirror mirror = new InvoiceMirror(jdbc, clock);
    MirroredInvoice row = row(InvoiceId.random(), invoice("open", 0));

    assertThat(mirror.insert(workspace, row)).isTrue();
    assertThat(mirror.insert(workspace, row(InvoiceId.random(), invoice("open", 0)))).isFalse();
    MirroredInvoice read = mirror.get(workspace, row.id()).orElseThrow();
    assertThat(read.invoice().amounts()).isEqualTo(row.invoice().amounts());
    assertThat(read.dueDate()).hasValue(LocalDate.parse("2026-12-01"));
    assertThat(read.links()).isEqualTo(row.links());

    assertThat(mirror.update(workspace, read, invoice("paid", 500))).isTrue();
    assertThat(mirror.update(workspace, read, invoice("open", 0))).isFalse();
    MirroredInvoice paid =
        mirror
            .byProviderId(workspace, Provider.STRIPE, new ProviderInvoiceId("in_1"))
            .orElseThrow();
    assertThat(paid.status()).isEqualTo("paid");
    assertThat(paid.version()).isEqualTo(1);
    mirror.attioWritten(workspace, paid.id(), "abc");
    assertThat(mirror.list(workspace, 10, 0))
        .singleElement()
        .satisfies(m -> assertThat(m.attioValuesHash()).hasValue("abc"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_idempotency_key_is_claimed_once_released_on_failure_and_taken_over_when_stale(
      TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    WorkspaceId workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    IdempotentRequests requests = new IdempotentRequests(jdbc, clock);
    InvoiceId id = InvoiceId.random();

    assertThat(requests.claim(workspace, "k1", "hash", id)).isEmpty();
    assertThat(requests.claim(workspace, "k1", "hash", id))
        .hasValueSatisfying(c -> assertThat(c.finished()).isFalse());
    requests.release(workspace, "k1");
    assertThat(requests.claim(workspace, "k1", "hash", id)).isEmpty();
    clock.advance(IdempotentRequests.STALE_AFTER.plus(Duration.ofSeconds(1)));
    assertThat(requests.claim(workspace, "k1", "other", id)).isPresent();
    assertThat(requests.claim(workspace, "k1", "hash", id)).isEmpty();
    requests.finish(workspace, "k1");
    clock.advance(IdempotentRequests.STALE_AFTER.plus(Duration.ofSeconds(1)));
    assertThat(requests.claim(workspace, "k1", "hash", id))
        .hasValueSatisfying(
            c -> {
              assertThat(c.finished()).isTrue();
              assertThat(c.invoiceId()).isEqualTo(id);
            });
  }

  private MirroredInvoice row(InvoiceId id, ProviderInvoice invoice) {
    return new MirroredInvoice(
        id,
        Provider.STRIPE,
        invoice,
        Optional.of(LocalDate.parse("2026-12-01")),
        Optional.of(new RecordRef("people", "7f9d2a4e-1111-4a2b-9c3d-000000000001")),
        new MirroredInvoice.Links(
            Optional.of("7f9d2a4e-1111-4a2b-9c3d-000000000001"),
            Optional.of("7f9d2a4e-1111-4a2b-9c3d-000000000002"),
            Optional.empty(),
            Optional.of("ada@example.com")),
        Optional.empty(),
        0,
        clock.instant());
  }

  private static ProviderInvoice invoice(String status, long paid) {
    return new ProviderInvoice(
        new ProviderInvoiceId("in_1"),
        new ProviderCustomerId("cus_1"),
        status,
        Optional.of("INV-1"),
        "usd",
        new ProviderInvoice.Amounts(500, 500, paid, 500 - paid),
        Optional.of(URI.create("https://invoice.stripe.com/i/1")),
        Instant.parse("2026-11-01T10:00:00Z"),
        Optional.empty());
  }
}
