package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeDataCaptureTest {
  QuickBooksSandboxFixture qbo;
  HttpQuickBooksClient client;
  Customer customer;
  Item item;

  @BeforeEach
  void start() {
    qbo = new QuickBooksSandboxFixture();
    client = qbo.connectedClient();
    customer =
        client.findOrCreateCustomer(new NewCustomer("CDC Corp", null, "cdc@corp.example", null));
    item = client.findOrCreateServiceItem("Support");
  }

  @AfterEach
  void stop() {
    qbo.close();
  }

  Invoice invoice(String key) {
    return client.createInvoice(
        QuickBooksSandboxFixture.oneLine(customer.id(), item.id(), "s"), key);
  }

  @Test
  void cdc_returns_what_changed_since_the_watermark_including_deletions() {
    Invoice untouched = invoice("k1");
    Invoice updated = invoice("k2");
    Invoice deleted = invoice("k3");
    qbo.clock.advance(Duration.ofMinutes(10));
    OffsetDateTime watermark = OffsetDateTime.now(qbo.clock).minusMinutes(1);
    qbo.clock.advance(Duration.ofMinutes(5));
    client.updateInvoice(
        updated.id(), updated.syncToken(), new InvoicePatch(null, "changed", null, null, null));
    client.deleteInvoice(deleted.id(), deleted.syncToken());
    Invoice created = invoice("k4");

    InvoiceChanges changes = client.invoiceChangesSince(watermark);

    assertThat(changes.changed())
        .extracting(Invoice::id)
        .containsExactlyInAnyOrder(updated.id(), created.id());
    assertThat(changes.changed()).extracting(Invoice::id).doesNotContain(untouched.id());
    assertThat(changes.deleted()).containsExactly(deleted.id());
    assertThat(changes.deletionsComplete()).isTrue();
    assertThat(changes.asOf().toInstant()).isEqualTo(qbo.clock.instant());
  }

  @Test
  void nothing_changed_is_an_empty_answer() {
    invoice("k1");
    qbo.clock.advance(Duration.ofHours(1));

    InvoiceChanges changes =
        client.invoiceChangesSince(OffsetDateTime.now(qbo.clock).minusMinutes(5));

    assertThat(changes.changed()).isEmpty();
    assertThat(changes.deleted()).isEmpty();
  }

  @Test
  void a_watermark_older_than_thirty_days_falls_back_to_query_paging() {
    OffsetDateTime old =
        OffsetDateTime.now(qbo.clock).minusDays(40).withOffsetSameInstant(ZoneOffset.UTC);
    Invoice created = invoice("k1");

    InvoiceChanges changes = client.invoiceChangesSince(old);

    assertThat(changes.changed()).extracting(Invoice::id).containsExactly(created.id());
    assertThat(changes.deletionsComplete()).isFalse();
  }

  @Test
  void more_changes_than_cdcs_cap_are_completed_by_query_paging() {
    qbo.clock.advance(Duration.ofMinutes(1));
    OffsetDateTime watermark = OffsetDateTime.now(qbo.clock);
    String line =
        "{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":10,"
            + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"%s\"},\"Qty\":1,\"UnitPrice\":10}}"
                .formatted(item.id());
    qbo.seed(
        "invoices",
        "{\"count\":1001,\"invoice\":{\"CustomerRef\":{\"value\":\"%s\"},\"Line\":[%s]}}"
            .formatted(customer.id(), line));

    InvoiceChanges changes = client.invoiceChangesSince(watermark);

    assertThat(changes.changed()).hasSize(1001);
    assertThat(changes.changed()).extracting(Invoice::id).doesNotHaveDuplicates();
    assertThat(changes.deletionsComplete()).isFalse();
  }
}
