package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.attio.contract.ContractCheck;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ContractCheck.class)
class HttpAttioClientSchemaTest {
  private static SandboxFixture sandbox;
  private static AttioClient attio;

  @BeforeAll
  static void start() {
    sandbox = SandboxFixture.start();
    attio = sandbox.defaultClient();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void emptyWorkspace() {
    sandbox.control().reset(false);
  }

  @Test
  void self_reports_the_sandbox_workspace() {
    AttioIdentity self = attio.self();
    assertThat(self.active()).isTrue();
    assertThat(self.workspaceName()).isEqualTo("Invoicebridge Sandbox");
  }

  @Test
  void a_wrong_token_is_an_auth_error_that_never_shows_the_token() {
    AttioClient wrong =
        HttpAttioClient.builder(sandbox.server().baseUri("attio"), () -> "not-the-token").build();
    assertThatThrownBy(wrong::listObjects)
        .isInstanceOf(AttioAuthException.class)
        .hasMessageNotContaining("not-the-token")
        .satisfies(e -> assertThat(((AttioException) e).statusCode()).isEqualTo(401));
  }

  @Test
  void standard_objects_are_listed_and_found_by_slug_or_id() {
    assertThat(attio.listObjects())
        .extracting(AttioObject::apiSlug)
        .contains("people", "companies", "deals", "users");
    AttioObject people = attio.getObject("people");
    assertThat(attio.getObject(people.id().value()).apiSlug()).isEqualTo("people");
  }

  @Test
  void an_unknown_object_is_not_found() {
    assertThatThrownBy(() -> attio.getObject("nothing_here"))
        .isInstanceOf(AttioNotFoundException.class)
        .satisfies(e -> assertThat(((AttioException) e).code()).isEqualTo("not_found"));
  }

  @Test
  void a_custom_object_is_created_once_and_a_second_create_is_a_slug_conflict() {
    AttioObject invoices = attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    assertThat(invoices.apiSlug()).isEqualTo("invoices");
    assertThat(attio.getObject("invoices").id()).isEqualTo(invoices.id());
    assertThatThrownBy(() -> attio.createObject(new NewObject("invoices", "Bill", "Bills")))
        .isInstanceOf(AttioConflictException.class)
        .satisfies(e -> assertThat(((AttioException) e).code()).isEqualTo("slug_conflict"));
  }

  @Test
  void attributes_of_every_kind_the_schema_needs_are_created_and_read_back() {
    attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    attio.createAttribute(
        "invoices",
        NewAttribute.of("provider_invoice_id", "Provider invoice id", AttributeType.TEXT).unique());
    attio.createAttribute(
        "invoices", NewAttribute.of("total", "Total", AttributeType.CURRENCY).currency("EUR"));
    attio.createAttribute(
        "invoices",
        NewAttribute.of("person", "Person", AttributeType.RECORD_REFERENCE).referencing("people"));
    attio.createAttribute(
        "invoices",
        NewAttribute.of("status", "Status", AttributeType.SELECT).describedAs("Invoice status"));

    AttioAttribute id = attio.getAttribute("invoices", "provider_invoice_id");
    assertThat(id.isUnique()).isTrue();
    assertThat(id.type()).isEqualTo(AttributeType.TEXT);
    AttioAttribute total = attio.getAttribute("invoices", "total");
    assertThat(total.defaultCurrencyCode()).isEqualTo("EUR");
    AttioAttribute person = attio.getAttribute("invoices", "person");
    assertThat(person.allowedObjectIds()).containsExactly(attio.getObject("people").id());
    assertThat(attio.listAttributes("invoices"))
        .extracting(AttioAttribute::apiSlug)
        .containsExactly("provider_invoice_id", "total", "person", "status");
  }

  @Test
  void a_duplicate_attribute_slug_is_a_conflict() {
    attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    attio.createAttribute("invoices", NewAttribute.of("number", "Number", AttributeType.TEXT));
    assertThatThrownBy(
            () ->
                attio.createAttribute(
                    "invoices", NewAttribute.of("number", "Other", AttributeType.NUMBER)))
        .isInstanceOf(AttioConflictException.class);
  }

  @Test
  void people_cannot_get_unique_custom_attributes() {
    assertThatThrownBy(
            () ->
                attio.createAttribute(
                    "people",
                    NewAttribute.of("billing_id", "Billing id", AttributeType.TEXT).unique()))
        .isInstanceOf(AttioValidationException.class)
        .satisfies(e -> assertThat(((AttioException) e).code()).isEqualTo("validation_type"));
  }

  @Test
  void an_attribute_is_updated_and_archived_but_system_attributes_are_not_editable() {
    attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    attio.createAttribute("invoices", NewAttribute.of("memo", "Memo", AttributeType.TEXT));
    AttioAttribute updated =
        attio.updateAttribute(
            "invoices", "memo", AttributeUpdate.none().title("Internal memo").archived(true));
    assertThat(updated.title()).isEqualTo("Internal memo");
    assertThat(updated.isArchived()).isTrue();
    assertThat(attio.listAttributes("invoices"))
        .extracting(AttioAttribute::isArchived)
        .containsExactly(true);
    assertThatThrownBy(
            () ->
                attio.updateAttribute("people", "name", AttributeUpdate.none().title("Full name")))
        .isInstanceOf(AttioValidationException.class)
        .satisfies(
            e -> assertThat(((AttioException) e).code()).isEqualTo("system_edit_unauthorized"));
  }

  @Test
  void select_options_are_created_listed_and_unique_by_title() {
    attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    attio.createAttribute("invoices", NewAttribute.of("status", "Status", AttributeType.SELECT));
    SelectOption paid = attio.createSelectOption("invoices", "status", "Paid");
    attio.createSelectOption("invoices", "status", "Open");
    assertThat(attio.listSelectOptions("invoices", "status"))
        .extracting(SelectOption::title)
        .containsExactly("Paid", "Open");
    assertThat(paid.archived()).isFalse();
    assertThatThrownBy(() -> attio.createSelectOption("invoices", "status", "Paid"))
        .isInstanceOf(AttioConflictException.class);
  }

  @Test
  void a_select_option_is_renamed_archived_and_restored_by_title_or_id() {
    attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    attio.createAttribute("invoices", NewAttribute.of("status", "Status", AttributeType.SELECT));
    SelectOption partly = attio.createSelectOption("invoices", "status", "Partially paid");
    attio.createSelectOption("invoices", "status", "Paid");

    SelectOption renamed =
        attio.updateSelectOption(
            "invoices", "status", "Partially paid", OptionUpdate.none().title("Part paid"));
    assertThat(renamed.id()).isEqualTo(partly.id());
    assertThat(renamed.title()).isEqualTo("Part paid");

    SelectOption archived =
        attio.updateSelectOption(
            "invoices", "status", partly.id().value(), OptionUpdate.none().archived(true));
    assertThat(archived.archived()).isTrue();
    assertThat(attio.listSelectOptions("invoices", "status"))
        .extracting(SelectOption::title, SelectOption::archived)
        .contains(org.assertj.core.groups.Tuple.tuple("Part paid", true));

    SelectOption restored =
        attio.updateSelectOption(
            "invoices", "status", partly.id().value(), OptionUpdate.none().archived(false));
    assertThat(restored.archived()).isFalse();
  }

  @Test
  void renaming_an_option_onto_a_taken_title_or_a_missing_option_fails() {
    attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    attio.createAttribute("invoices", NewAttribute.of("status", "Status", AttributeType.SELECT));
    attio.createSelectOption("invoices", "status", "Open");
    attio.createSelectOption("invoices", "status", "Paid");
    assertThatThrownBy(
            () ->
                attio.updateSelectOption(
                    "invoices", "status", "Open", OptionUpdate.none().title("Paid")))
        .isInstanceOfSatisfying(
            AttioConflictException.class, e -> assertThat(e.code()).isEqualTo("slug_conflict"));
    assertThatThrownBy(
            () ->
                attio.updateSelectOption(
                    "invoices", "status", "Refunded", OptionUpdate.none().archived(true)))
        .isInstanceOf(AttioNotFoundException.class);
  }

  @Test
  void options_on_a_non_select_attribute_are_a_validation_error() {
    assertThatThrownBy(() -> attio.createSelectOption("people", "job_title", "CEO"))
        .isInstanceOf(AttioValidationException.class);
  }

  @Test
  void deal_stages_are_listed_as_statuses() {
    assertThat(attio.listStatuses("deals", "stage"))
        .extracting(AttioStatus::title)
        .contains("Lead", "In Progress", "Won 🎉", "Lost");
  }

  @Test
  void an_unreachable_attio_is_a_transient_error_that_was_never_sent() {
    AttioClient nowhere =
        HttpAttioClient.builder(URI.create("http://127.0.0.1:1"), () -> SandboxFixture.TOKEN)
            .maxAttempts(1)
            .build();
    assertThatThrownBy(nowhere::listObjects)
        .isInstanceOfSatisfying(
            AttioTransientException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
  }
}
