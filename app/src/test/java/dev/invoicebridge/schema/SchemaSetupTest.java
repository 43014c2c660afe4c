package dev.invoicebridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.attio.AttioCounters;
import dev.invoicebridge.attio.AttioObject;
import dev.invoicebridge.attio.AttributeType;
import dev.invoicebridge.attio.HttpAttioClient;
import dev.invoicebridge.attio.NewAttribute;
import dev.invoicebridge.attio.NewObject;
import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioSandboxSettings;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import dev.invoicebridge.schema.SchemaReport.FieldReport;
import dev.invoicebridge.schema.SchemaReport.FieldState;
import dev.invoicebridge.schema.SchemaReport.ObjectState;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema manager against an empty Attio emulator workspace, over real HTTP. */
class SchemaSetupTest {
  static final String TOKEN = "schema-test-token-0123456789";

  SandboxServer server;
  AttioCounters counters;
  HttpAttioClient attio;
  SchemaSetup setup;

  @BeforeEach
  void start() {
    var servlet =
        new AttioSandboxServlet(
            () -> TOKEN, AttioSandboxSettings.empty(AttioWorkspace.demo(), Clock.systemUTC()));
    server = SandboxServer.start(0, Map.of("attio", servlet));
    counters = new AttioCounters();
    attio = HttpAttioClient.builder(server.baseUri("attio"), () -> TOKEN).metrics(counters).build();
    setup = new SchemaSetup(attio);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void creates_the_default_schema_on_an_empty_workspace() {
    SchemaReport report = setup.ensure(SchemaMapping.defaults());

    assertThat(report.object()).isEqualTo(ObjectState.CREATED);
    assertThat(report.fields()).extracting(FieldReport::state).containsOnly(FieldState.CREATED);
    assertThat(report.healthy()).isTrue();
    assertThat(attio.listObjects()).extracting(AttioObject::apiSlug).contains("invoices");
    var key = attio.getAttribute("invoices", "provider_invoice_id");
    assertThat(key.isUnique()).isTrue();
    assertThat(attio.getAttribute("invoices", "total").type()).isEqualTo(AttributeType.CURRENCY);
    assertThat(attio.getAttribute("invoices", "total").defaultCurrencyCode()).isEqualTo("USD");
    assertThat(attio.listSelectOptions("invoices", "status"))
        .extracting(o -> o.title())
        .containsExactlyInAnyOrderElementsOf(InvoiceField.STATUS_OPTIONS);
  }

  @Test
  void a_second_run_makes_zero_writes_and_says_so() {
    setup.ensure(SchemaMapping.defaults());
    long writesBefore = counters.snapshot().writes();

    SchemaReport again = setup.ensure(SchemaMapping.defaults());

    assertThat(counters.snapshot().writes()).isEqualTo(writesBefore);
    assertThat(again.writes()).isZero();
    assertThat(again.fields()).extracting(FieldReport::state).containsOnly(FieldState.PRESENT);
    assertThat(again.summary()).startsWith("No changes");
  }

  @Test
  void maps_onto_an_existing_object_reusing_compatible_attributes_and_reporting_conflicts() {
    attio.createObject(new NewObject("billing_docs", "Billing doc", "Billing docs"));
    attio.createAttribute(
        "billing_docs", NewAttribute.of("doc_ref", "Doc ref", AttributeType.TEXT));
    attio.createAttribute(
        "billing_docs", NewAttribute.of("grand_total", "Total", AttributeType.TEXT));
    attio.createAttribute(
        "billing_docs",
        NewAttribute.of("open_amount", "Open", AttributeType.CURRENCY).currency("EUR"));
    SchemaMapping mapping =
        SchemaMapping.parse(
            "billing_docs",
            "EUR",
            Map.of(
                "provider_invoice_id",
                "doc_ref",
                "total",
                "grand_total",
                "amount_due",
                "open_amount"));
    long writesBefore = counters.snapshot().writes();

    SchemaReport report = setup.ensure(mapping);

    assertThat(report.object()).isEqualTo(ObjectState.PRESENT);
    assertThat(report.incompatible())
        .extracting(FieldReport::attributeSlug)
        .containsExactlyInAnyOrder("doc_ref", "grand_total");
    assertThat(field(report, InvoiceField.PROVIDER_INVOICE_ID).problem()).contains("not unique");
    assertThat(field(report, InvoiceField.TOTAL).problem())
        .contains("is a text attribute")
        .contains("currency or number");
    assertThat(field(report, InvoiceField.AMOUNT_DUE).state()).isEqualTo(FieldState.PRESENT);
    assertThat(field(report, InvoiceField.NUMBER).state()).isEqualTo(FieldState.CREATED);
    assertThat(report.healthy()).isFalse();
    assertThat(report.summary()).contains("2 attribute(s) cannot be used").contains("\"doc_ref\"");
    // Created: 16 attributes plus the status and provider options; nothing else was touched.
    long created = report.fields().stream().filter(f -> f.state() == FieldState.CREATED).count();
    assertThat(created).isEqualTo(InvoiceField.values().length - 3);
    assertThat(counters.snapshot().writes() - writesBefore).isEqualTo(report.writes());
    assertThat(attio.getAttribute("billing_docs", "grand_total").type())
        .isEqualTo(AttributeType.TEXT);

    // A second run has nothing it can do: no write reaches Attio, and the summary says so while
    // still naming the two conflicts.
    long writesAfterFirst = counters.snapshot().writes();
    SchemaReport again = setup.ensure(mapping);
    assertThat(counters.snapshot().writes()).isEqualTo(writesAfterFirst);
    assertThat(again.writes()).isZero();
    assertThat(again.summary())
        .startsWith("No changes made.")
        .contains("2 attribute(s) cannot be used")
        .contains("\"doc_ref\" is not unique")
        .contains("\"grand_total\" is a text attribute");
  }

  @Test
  void a_currency_attribute_in_another_currency_than_the_workspace_is_reported_in_plain_words() {
    attio.createObject(new NewObject("billing_docs", "Billing doc", "Billing docs"));
    attio.createAttribute(
        "billing_docs",
        NewAttribute.of("open_amount", "Open", AttributeType.CURRENCY).currency("EUR"));
    SchemaMapping usd =
        SchemaMapping.parse("billing_docs", "USD", Map.of("amount_due", "open_amount"));

    SchemaReport report = setup.ensure(usd);

    FieldReport due = field(report, InvoiceField.AMOUNT_DUE);
    assertThat(due.state()).isEqualTo(FieldState.PRESENT);
    assertThat(due.problem()).contains("shows amounts in EUR but the workspace currency is USD");
    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith("Attribute \"open_amount\" shows amounts in EUR")
        .contains("set the workspace currency to EUR");
    assertThat(report.healthy()).isFalse();
    assertThat(report.summary()).contains("\"open_amount\" shows amounts in EUR");
    // The currency attributes the run created itself are in the workspace currency: no complaint.
    assertThat(field(report, InvoiceField.TOTAL).problem()).isNull();

    SchemaReport euro =
        setup.ensure(
            SchemaMapping.parse("billing_docs", "EUR", Map.of("amount_due", "open_amount")));
    assertThat(field(euro, InvoiceField.AMOUNT_DUE).problem()).isNull();
  }

  @Test
  void a_health_check_reports_what_is_missing_without_writing() {
    SchemaReport health = setup.inspect(SchemaMapping.defaults());

    assertThat(health.object()).isEqualTo(ObjectState.MISSING);
    assertThat(health.healthy()).isFalse();
    assertThat(counters.snapshot().writes()).isZero();
    assertThat(health.summary()).contains("does not exist in Attio yet");
  }

  private static FieldReport field(SchemaReport report, InvoiceField field) {
    return report.fields().stream().filter(f -> f.field() == field).findFirst().orElseThrow();
  }
}
