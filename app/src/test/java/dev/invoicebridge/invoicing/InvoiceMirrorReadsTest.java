package dev.invoicebridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The mirror's mark of the last completed provider read, on H2 and on real PostgreSQL. */
class InvoiceMirrorReadsTest {
  static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
  static final ProviderInvoiceId STRIPE_ID = new ProviderInvoiceId("in_reads");

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_last_read_mark_only_moves_forward_and_survives_state_changes(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    MutableClock clock = new MutableClock(T);
    WorkspaceId workspace = new Workspaces(jdbc, clock).ensureDefault("Mine").id();
    InvoiceMirror mirror = new InvoiceMirror(jdbc, clock);
    InvoiceId id = InvoiceId.random();
    mirror.insert(workspace, row(id, invoice("open", 0)));

    assertThat(mirror.lastRead(workspace, Provider.STRIPE, STRIPE_ID)).isEmpty();
    mirror.readApplied(workspace, Provider.STRIPE, STRIPE_ID, T.plusSeconds(20));
    mirror.readApplied(workspace, Provider.STRIPE, STRIPE_ID, T.plusSeconds(10));
    MirroredInvoice open = mirror.get(workspace, id).orElseThrow();
    mirror.update(workspace, open, invoice("paid", 500));

    assertThat(mirror.lastRead(workspace, Provider.STRIPE, STRIPE_ID))
        .hasValue(new InvoiceMirror.LastRead(id, T.plusSeconds(20)));
    mirror.readApplied(workspace, Provider.STRIPE, STRIPE_ID, T.plusSeconds(30));
    assertThat(mirror.lastRead(workspace, Provider.STRIPE, STRIPE_ID).orElseThrow().startedAt())
        .isEqualTo(T.plusSeconds(30));
    assertThat(mirror.lastRead(workspace, Provider.STRIPE, new ProviderInvoiceId("in_other")))
        .isEmpty();
  }

  private static MirroredInvoice row(InvoiceId id, ProviderInvoice invoice) {
    return new MirroredInvoice(
        id,
        Provider.STRIPE,
        invoice,
        Optional.empty(),
        Optional.empty(),
        MirroredInvoice.Links.none(),
        Optional.empty(),
        0,
        T);
  }

  private static ProviderInvoice invoice(String status, long paid) {
    return new ProviderInvoice(
        STRIPE_ID,
        new ProviderCustomerId("cus_1"),
        status,
        Optional.of("INV-1"),
        "usd",
        new ProviderInvoice.Amounts(500, 500, paid, 500 - paid),
        Optional.empty(),
        T,
        Optional.empty());
  }
}
