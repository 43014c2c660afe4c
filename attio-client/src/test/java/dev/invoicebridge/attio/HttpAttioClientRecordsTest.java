package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.attio.contract.ContractCheck;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ContractCheck.class)
class HttpAttioClientRecordsTest {
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

  private static AttioRecord company(String name, String domain) {
    return attio.createRecord(
        "companies", RecordValues.builder().text("name", name).domains("domains", domain).build());
  }

  private static AttioRecord person(String first, String last, String email) {
    return attio.createRecord(
        "people",
        RecordValues.builder().name("name", first, last).emails("email_addresses", email).build());
  }

  private static void invoicesObject() {
    attio.createObject(new NewObject("invoices", "Invoice", "Invoices"));
    attio.createAttribute(
        "invoices", NewAttribute.of("invoice_id", "Invoice id", AttributeType.TEXT).unique());
    attio.createAttribute(
        "invoices", NewAttribute.of("total", "Total", AttributeType.CURRENCY).currency("USD"));
    attio.createAttribute("invoices", NewAttribute.of("status", "Status", AttributeType.SELECT));
    attio.createAttribute("invoices", NewAttribute.of("due_date", "Due date", AttributeType.DATE));
    attio.createAttribute(
        "invoices", NewAttribute.of("synced_at", "Synced at", AttributeType.TIMESTAMP));
    attio.createAttribute("invoices", NewAttribute.of("paid", "Paid", AttributeType.CHECKBOX));
    attio.createAttribute("invoices", NewAttribute.of("lines", "Lines", AttributeType.NUMBER));
    attio.createAttribute(
        "invoices",
        NewAttribute.of("customer", "Customer", AttributeType.RECORD_REFERENCE)
            .referencing("people"));
    attio.createSelectOption("invoices", "status", "Open");
    attio.createSelectOption("invoices", "status", "Paid");
  }

  @Test
  void a_person_is_created_and_read_back_with_typed_values() {
    AttioRecord created =
        attio.createRecord(
            "people",
            RecordValues.builder()
                .name("name", "Ada", "Lovelace")
                .emails("email_addresses", "Ada@Acme.com")
                .text("job_title", "CFO")
                .set("phone_numbers", AttioValue.PhoneNumber.of("+14155550100", "US"))
                .build());
    AttioRecord read = attio.getRecord("people", created.id());
    assertThat(read.displayName()).isEqualTo("Ada Lovelace");
    assertThat(read.primaryEmail()).contains("ada@acme.com");
    assertThat(read.first("job_title", AttioValue.Text.class)).contains(new AttioValue.Text("CFO"));
    assertThat(
            read.first("phone_numbers", AttioValue.PhoneNumber.class).orElseThrow().phoneNumber())
        .isEqualTo("+14155550100");
    StoredValue name = read.values().get("name").get(0);
    assertThat(name.isActive()).isTrue();
    assertThat(name.createdBy().type()).isEqualTo("api-token");
    assertThat(read.values().get("description")).isEmpty();
  }

  @Test
  void every_value_type_of_a_custom_object_round_trips() {
    invoicesObject();
    AttioRecord ada = person("Ada", "Lovelace", "ada@acme.com");
    Instant synced = Instant.parse("2026-01-02T03:04:05.123456789Z");
    AttioRecord invoice =
        attio.createRecord(
            "invoices",
            RecordValues.builder()
                .text("invoice_id", "in_1")
                .currency("total", new BigDecimal("120.5"))
                .select("status", "Open")
                .date("due_date", LocalDate.of(2026, 2, 1))
                .timestamp("synced_at", synced)
                .checkbox("paid", false)
                .number("lines", new BigDecimal("3"))
                .reference("customer", "people", ada.id())
                .build());
    AttioRecord read = attio.getRecord("invoices", invoice.id());
    assertThat(read.first("total", AttioValue.Currency.class).orElseThrow())
        .satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("120.5"))
        .satisfies(c -> assertThat(c.currencyCode()).isEqualTo("USD"));
    assertThat(read.first("status", AttioValue.Select.class).orElseThrow().title())
        .isEqualTo("Open");
    assertThat(read.first("due_date")).contains(new AttioValue.Date(LocalDate.of(2026, 2, 1)));
    assertThat(read.first("synced_at")).contains(new AttioValue.Timestamp(synced));
    assertThat(read.first("paid")).contains(new AttioValue.Checkbox(false));
    assertThat(read.first("lines", AttioValue.Number.class).orElseThrow().value())
        .isEqualByComparingTo("3");
    assertThat(read.first("invoice_id")).contains(new AttioValue.Text("in_1"));
    assertThat(read.first("customer")).contains(new AttioValue.RecordReference("people", ada.id()));
  }

  @Test
  void a_deal_stage_is_a_status_and_its_owner_a_member_written_by_email_or_id() {
    WorkspaceMember owner = attio.listWorkspaceMembers().getFirst();
    AttioRecord deal =
        attio.createRecord(
            "deals",
            RecordValues.builder()
                .text("name", "Renewal")
                .status("stage", "In Progress")
                .member("owner", owner.emailAddress())
                .currency("value", new BigDecimal("1200"))
                .build());
    AttioRecord read = attio.getRecord("deals", deal.id());
    AttioValue.Status stage = read.first("stage", AttioValue.Status.class).orElseThrow();
    assertThat(stage.title()).isEqualTo("In Progress");
    assertThat(stage.statusId()).isNotNull();
    assertThat(read.first("owner"))
        .contains(new AttioValue.ActorReference("workspace-member", owner.id().value(), null));

    AttioStatus won =
        attio.listStatuses("deals", "stage").stream()
            .filter(st -> st.title().startsWith("Won"))
            .findFirst()
            .orElseThrow();
    AttioRecord updated =
        attio.updateRecord(
            "deals",
            deal.id(),
            RecordValues.builder()
                .set("stage", new AttioValue.Status(won.id(), null))
                .set("owner", AttioValue.ActorReference.member(owner.id()))
                .build(),
            UpdateMode.OVERWRITE);
    assertThat(updated.first("stage", AttioValue.Status.class).orElseThrow().title())
        .isEqualTo("Won 🎉");
    assertThat(updated.first("owner", AttioValue.ActorReference.class).orElseThrow().actorId())
        .isEqualTo(owner.id().value());
  }

  @Test
  void a_deal_with_an_unknown_stage_or_owner_is_value_not_found_and_not_created() {
    String owner = attio.listWorkspaceMembers().getFirst().emailAddress();
    RecordValues badStage =
        RecordValues.builder()
            .text("name", "Renewal")
            .status("stage", "Negotiating")
            .member("owner", owner)
            .build();
    RecordValues badOwner =
        RecordValues.builder()
            .text("name", "Renewal")
            .status("stage", "Lead")
            .member("owner", "nobody@example.com")
            .build();
    for (RecordValues values : List.of(badStage, badOwner)) {
      assertThatThrownBy(() -> attio.createRecord("deals", values))
          .isInstanceOfSatisfying(
              AttioValidationException.class,
              e -> assertThat(e.code()).isEqualTo("value_not_found"));
    }
    assertThat(attio.queryRecords("deals", RecordQuery.all())).isEmpty();
  }

  @Test
  void past_values_are_read_back_with_the_moment_they_stopped_being_active() {
    invoicesObject();
    AttioRecord invoice =
        attio.createRecord(
            "invoices",
            RecordValues.builder().text("invoice_id", "in_1").select("status", "Open").build());
    attio.updateRecord(
        "invoices",
        invoice.id(),
        RecordValues.builder().select("status", "Paid").build(),
        UpdateMode.OVERWRITE);

    List<StoredValue> history = attio.listRecordValues("invoices", invoice.id(), "status", true);
    assertThat(history).hasSize(2);
    StoredValue open = history.get(0);
    assertThat(((AttioValue.Select) open.value()).title()).isEqualTo("Open");
    assertThat(open.isActive()).isFalse();
    assertThat(open.activeUntil()).isAfterOrEqualTo(open.activeFrom());
    assertThat(((AttioValue.Select) history.get(1).value()).title()).isEqualTo("Paid");
    assertThat(history.get(1).isActive()).isTrue();

    assertThat(attio.listRecordValues("invoices", invoice.id(), "status", false))
        .extracting(v -> ((AttioValue.Select) v.value()).title())
        .containsExactly("Paid");
    assertThat(attio.getRecord("invoices", invoice.id()).all("status")).hasSize(1);
  }

  @Test
  void several_values_for_a_single_value_attribute_are_refused_and_nothing_is_written() {
    invoicesObject();
    RecordValues twoTotals =
        RecordValues.builder()
            .text("invoice_id", "in_1")
            .set(
                "total",
                AttioValue.Currency.of(new BigDecimal("1")),
                AttioValue.Currency.of(new BigDecimal("2")))
            .build();
    assertThatThrownBy(() -> attio.createRecord("invoices", twoTotals))
        .isInstanceOfSatisfying(
            AttioValidationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("validation_type");
              assertThat(e.statusCode()).isEqualTo(400);
            });
    assertThat(attio.queryRecords("invoices", RecordQuery.all())).isEmpty();
  }

  @Test
  void an_unknown_select_title_is_value_not_found_and_nothing_is_written() {
    invoicesObject();
    assertThatThrownBy(
            () ->
                attio.createRecord(
                    "invoices",
                    RecordValues.builder()
                        .text("invoice_id", "in_1")
                        .select("status", "Refunded")
                        .build()))
        .isInstanceOfSatisfying(
            AttioValidationException.class, e -> assertThat(e.code()).isEqualTo("value_not_found"));
    assertThat(attio.queryRecords("invoices", RecordQuery.all())).isEmpty();
  }

  @Test
  void a_reference_to_a_missing_record_is_rejected() {
    invoicesObject();
    RecordId ghost = new RecordId("00000000-0000-4000-8000-000000000000");
    assertThatThrownBy(
            () ->
                attio.createRecord(
                    "invoices",
                    RecordValues.builder()
                        .text("invoice_id", "in_1")
                        .reference("customer", "people", ghost)
                        .build()))
        .isInstanceOfSatisfying(
            AttioValidationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("value_not_found");
              assertThat(e.isUniquenessConflict()).isFalse();
            });
    assertThat(attio.queryRecords("invoices", RecordQuery.all())).isEmpty();
  }

  @Test
  void a_duplicate_unique_value_is_a_uniqueness_conflict() {
    person("Ada", "Lovelace", "ada@acme.com");
    assertThatThrownBy(() -> person("Other", "Ada", "ada@acme.com"))
        .isInstanceOfSatisfying(
            AttioValidationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("uniqueness_conflict");
              assertThat(e.isUniquenessConflict()).isTrue();
              assertThat(e.statusCode()).isEqualTo(400);
            });
  }

  @Test
  void a_missing_required_value_is_reported() {
    assertThatThrownBy(
            () ->
                attio.createRecord("deals", RecordValues.builder().text("name", "Renewal").build()))
        .isInstanceOfSatisfying(
            AttioValidationException.class, e -> assertThat(e.code()).isEqualTo("missing_value"));
  }

  @Test
  void assert_creates_then_updates_the_record_matched_by_its_unique_attribute() {
    invoicesObject();
    AttioRecord first =
        attio.assertRecord(
            "invoices",
            "invoice_id",
            RecordValues.builder().text("invoice_id", "in_1").select("status", "Open").build());
    AttioRecord second =
        attio.assertRecord(
            "invoices",
            "invoice_id",
            RecordValues.builder().text("invoice_id", "in_1").select("status", "Paid").build());
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.first("status", AttioValue.Select.class).orElseThrow().title())
        .isEqualTo("Paid");
    assertThat(attio.queryRecords("invoices", RecordQuery.all())).hasSize(1);
  }

  @Test
  void assert_on_a_non_unique_or_unknown_attribute_is_refused() {
    invoicesObject();
    RecordValues values = RecordValues.builder().text("invoice_id", "in_1").build();
    assertThatThrownBy(() -> attio.assertRecord("invoices", "status", values))
        .isInstanceOf(AttioValidationException.class);
    assertThatThrownBy(() -> attio.assertRecord("invoices", "nope", values))
        .isInstanceOfSatisfying(
            AttioValidationException.class, e -> assertThat(e.code()).isEqualTo("value_not_found"));
  }

  @Test
  void assert_adds_to_the_matching_multiselect_and_replaces_the_others() {
    person("Ada", "Lovelace", "ada@acme.com");
    AttioRecord asserted =
        attio.assertRecord(
            "people",
            "email_addresses",
            RecordValues.builder()
                .emails("email_addresses", "ada@acme.com", "ada@home.org")
                .set("phone_numbers", AttioValue.PhoneNumber.of("+14155550111", "US"))
                .build());
    assertThat(asserted.all("email_addresses")).hasSize(2);
    assertThat(attio.queryRecords("people", RecordQuery.all())).hasSize(1);
  }

  @Test
  void patch_appends_to_multiselects_and_put_replaces_them() {
    AttioRecord acme = company("Acme", "acme.com");
    AttioRecord appended =
        attio.updateRecord(
            "companies",
            acme.id(),
            RecordValues.builder().domains("domains", "acme.io").build(),
            UpdateMode.APPEND);
    assertThat(appended.all("domains"))
        .extracting(v -> ((AttioValue.Domain) v).domain())
        .containsExactlyInAnyOrder("acme.com", "acme.io");
    AttioRecord replaced =
        attio.updateRecord(
            "companies",
            acme.id(),
            RecordValues.builder().domains("domains", "acme.dev").build(),
            UpdateMode.OVERWRITE);
    assertThat(replaced.all("domains"))
        .extracting(v -> ((AttioValue.Domain) v).domain())
        .containsExactly("acme.dev");
    AttioRecord renamed =
        attio.updateRecord(
            "companies",
            acme.id(),
            RecordValues.builder().text("name", "Acme Inc").build(),
            UpdateMode.APPEND);
    assertThat(renamed.displayName()).isEqualTo("Acme Inc");
    assertThat(renamed.all("name")).hasSize(1);
  }

  @Test
  void a_deleted_record_is_gone() {
    AttioRecord acme = company("Acme", "acme.com");
    attio.deleteRecord("companies", acme.id());
    assertThatThrownBy(() -> attio.getRecord("companies", acme.id()))
        .isInstanceOf(AttioNotFoundException.class);
    assertThatThrownBy(() -> attio.deleteRecord("companies", acme.id()))
        .isInstanceOf(AttioNotFoundException.class);
  }

  @Test
  void a_persons_company_and_the_companys_team_stay_consistent_both_ways() {
    AttioRecord acme = company("Acme", "acme.com");
    AttioRecord globex = company("Globex", "globex.com");
    AttioRecord ada = person("Ada", "Lovelace", "ada@acme.com");
    attio.updateRecord(
        "people",
        ada.id(),
        RecordValues.builder().reference("company", "companies", acme.id()).build(),
        UpdateMode.OVERWRITE);
    assertThat(attio.getRecord("companies", acme.id()).all("team"))
        .containsExactly(new AttioValue.RecordReference("people", ada.id()));

    attio.updateRecord(
        "companies",
        globex.id(),
        RecordValues.builder().reference("team", "people", ada.id()).build(),
        UpdateMode.APPEND);
    assertThat(attio.getRecord("people", ada.id()).all("company"))
        .containsExactly(new AttioValue.RecordReference("companies", globex.id()));
    assertThat(attio.getRecord("companies", acme.id()).all("team")).isEmpty();

    attio.deleteRecord("companies", globex.id());
    assertThat(attio.getRecord("people", ada.id()).all("company")).isEmpty();
  }

  @Test
  void queries_filter_with_shorthand_operators_and_logic() {
    AttioRecord acme = company("Acme", "acme.com");
    company("Globex", "globex.com");
    company("Acme Labs", "acmelabs.com");
    assertThat(names(Filter.equalTo("name", "Acme"))).containsExactly("Acme");
    assertThat(names(Filter.eq("name", "Globex"))).containsExactly("Globex");
    assertThat(names(Filter.contains("name", "acme")))
        .containsExactlyInAnyOrder("Acme", "Acme Labs");
    assertThat(names(Filter.in("name", List.of("Acme", "Globex"))))
        .containsExactlyInAnyOrder("Acme", "Globex");
    assertThat(
            names(
                Filter.or(
                    Filter.equalTo("name", "Globex"),
                    Filter.on("domains", "domain", "$eq", "acmelabs.com"))))
        .containsExactlyInAnyOrder("Globex", "Acme Labs");
    assertThat(
            names(
                Filter.and(Filter.contains("name", "acme"), Filter.not(Filter.eq("name", "Acme")))))
        .containsExactly("Acme Labs");
    assertThat(names(Filter.recordIdIn(List.of(acme.id())))).containsExactly("Acme");
  }

  @Test
  void people_are_found_by_their_company_directly_and_through_a_path() {
    AttioRecord acme = company("Acme", "acme.com");
    AttioRecord globex = company("Globex", "globex.com");
    for (String[] p :
        new String[][] {
          {"Ada", "ada@acme.com"}, {"Grace", "grace@acme.com"}, {"Alan", "alan@globex.com"}
        }) {
      AttioRecord r = person(p[0], "X", p[1]);
      RecordId company = p[1].endsWith("acme.com") ? acme.id() : globex.id();
      attio.updateRecord(
          "people",
          r.id(),
          RecordValues.builder().reference("company", "companies", company).build(),
          UpdateMode.OVERWRITE);
    }
    List<AttioRecord> byReference =
        attio.queryRecords(
            "people",
            RecordQuery.all().filter(Filter.references("company", "companies", acme.id())));
    assertThat(byReference)
        .extracting(AttioRecord::displayName)
        .containsExactlyInAnyOrder("Ada X", "Grace X");
    Filter path =
        Filter.path(
            List.of(List.of("people", "company"), List.of("companies", "name")),
            Map.of("$eq", "Globex"));
    assertThat(attio.queryRecords("people", RecordQuery.all().filter(path)))
        .extracting(AttioRecord::displayName)
        .containsExactly("Alan X");
    Filter email = Filter.on("email_addresses", "email_domain", "$eq", "acme.com");
    assertThat(attio.queryRecords("people", RecordQuery.all().filter(email))).hasSize(2);
  }

  @Test
  void queries_sort_and_page_with_limit_and_offset() {
    for (String n : List.of("Delta", "Alpha", "Charlie", "Bravo", "Echo")) {
      company(n, n.toLowerCase(Locale.ROOT) + ".com");
    }
    RecordQuery sorted = RecordQuery.all().sortedBy(Sort.asc("name")).page(2, 0);
    assertThat(attio.queryRecords("companies", sorted))
        .extracting(AttioRecord::displayName)
        .containsExactly("Alpha", "Bravo");
    assertThat(attio.queryRecords("companies", sorted.next()))
        .extracting(AttioRecord::displayName)
        .containsExactly("Charlie", "Delta");
    assertThat(attio.queryRecords("companies", sorted.next().next()))
        .extracting(AttioRecord::displayName)
        .containsExactly("Echo");
    assertThat(
            attio.queryRecords(
                "companies", RecordQuery.all().sortedBy(Sort.desc("name")).page(1, 0)))
        .extracting(AttioRecord::displayName)
        .containsExactly("Echo");
  }

  @Test
  void a_bad_filter_is_a_filter_error_even_where_evaluation_would_stop_early() {
    company("Acme", "acme.com");
    Filter shortCircuited =
        Filter.and(Filter.equalTo("name", "zz"), Filter.equalTo("shoe_size", 1));
    Filter unknownField = Filter.on("domains", "nope", "$eq", "x");
    Filter unknownOperator = Filter.on("name", "$bogus", 1);
    // Companies hold a record; people hold none.
    for (Filter bad : List.of(shortCircuited, unknownField, unknownOperator)) {
      for (String object : List.of("companies", "people")) {
        assertThatThrownBy(() -> attio.queryRecords(object, RecordQuery.all().filter(bad)))
            .as("%s on %s", bad, object)
            .isInstanceOfSatisfying(
                AttioValidationException.class,
                e -> assertThat(e.code()).isEqualTo("filter_error"));
      }
    }
  }

  @Test
  void a_filter_on_an_unknown_attribute_is_a_filter_error() {
    assertThatThrownBy(
            () ->
                attio.queryRecords("people", RecordQuery.all().filter(Filter.eq("shoe_size", 42))))
        .isInstanceOfSatisfying(
            AttioValidationException.class, e -> assertThat(e.code()).isEqualTo("filter_error"));
  }

  @Test
  void a_reference_can_name_its_target_by_a_unique_attribute() {
    invoicesObject();
    AttioRecord ada = person("Ada", "Lovelace", "ada@acme.com");
    AttioValue byEmail =
        new AttioValue.Other(
            "record-reference",
            Map.of(
                "target_object",
                "people",
                "email_addresses",
                List.of(Map.of("email_address", "ada@acme.com"))));
    AttioRecord invoice =
        attio.createRecord(
            "invoices",
            RecordValues.builder().text("invoice_id", "in_9").set("customer", byEmail).build());
    assertThat(invoice.first("customer"))
        .contains(new AttioValue.RecordReference("people", ada.id()));
  }

  private static List<String> names(Filter filter) {
    return attio.queryRecords("companies", RecordQuery.all().filter(filter)).stream()
        .map(AttioRecord::displayName)
        .toList();
  }
}
