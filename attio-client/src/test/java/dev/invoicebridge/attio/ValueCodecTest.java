package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValueCodecTest {
  private static final RecordId ID = new RecordId("891dcbfc-9141-415d-9b2a-2238a6cc012d");
  private static final String MEMBER = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  private static Map<String, Object> phone() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("original_phone_number", "+14155550100");
    m.put("country_code", "US");
    return m;
  }

  /** Every typed value and the object form Attio's write shape (reference sheet §6) expects. */
  static Stream<Arguments> writeShapes() {
    return Stream.of(
        Arguments.of(new AttioValue.Text("abc"), Map.of("value", "abc")),
        Arguments.of(
            new AttioValue.Number(new BigDecimal("3.14")), Map.of("value", new BigDecimal("3.14"))),
        Arguments.of(new AttioValue.Checkbox(true), Map.of("value", true)),
        Arguments.of(
            AttioValue.Currency.of(new BigDecimal("4.99")),
            Map.of("currency_value", new BigDecimal("4.99"))),
        Arguments.of(new AttioValue.Date(LocalDate.of(2023, 1, 2)), Map.of("value", "2023-01-02")),
        Arguments.of(
            new AttioValue.Timestamp(Instant.parse("2023-01-02T13:00:00.123456789Z")),
            Map.of("value", "2023-01-02T13:00:00.123456789Z")),
        Arguments.of(AttioValue.Select.titled("Paid"), Map.of("option", "Paid")),
        Arguments.of(new AttioValue.Select(new OptionId(MEMBER), null), Map.of("option", MEMBER)),
        Arguments.of(AttioValue.Status.titled("Lead"), Map.of("status", "Lead")),
        Arguments.of(new AttioValue.Status(new StatusId(MEMBER), null), Map.of("status", MEMBER)),
        Arguments.of(
            new AttioValue.RecordReference("people", ID),
            Map.of("target_object", "people", "target_record_id", ID.value())),
        Arguments.of(
            AttioValue.ActorReference.member("owner@acme.com"),
            Map.of("workspace_member_email_address", "owner@acme.com")),
        Arguments.of(
            AttioValue.ActorReference.member(new WorkspaceMemberId(MEMBER)),
            Map.of("referenced_actor_type", "workspace-member", "referenced_actor_id", MEMBER)),
        Arguments.of(
            new AttioValue.EmailAddress("ada@acme.com"), Map.of("email_address", "ada@acme.com")),
        Arguments.of(AttioValue.Domain.of("acme.com"), Map.of("domain", "acme.com")),
        Arguments.of(AttioValue.PhoneNumber.of("+14155550100", "US"), phone()),
        Arguments.of(
            AttioValue.PersonalName.of("Ada", "Lovelace"),
            Map.of("first_name", "Ada", "last_name", "Lovelace", "full_name", "Ada Lovelace")),
        Arguments.of(new AttioValue.Other("rating", Map.of("value", 4)), Map.of("value", 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writeShapes")
  void values_are_written_in_attios_object_form(AttioValue value, Map<String, Object> expected) {
    assertThat(ValueCodec.write(value)).isEqualTo(expected);
  }

  @Test
  void a_values_map_is_written_with_every_attribute_as_an_array() {
    RecordValues values =
        RecordValues.builder()
            .text("invoice_id", "in_1")
            .emails("email_addresses", "a@x.com", "b@x.com")
            .clear("memo")
            .build();
    assertThat(ValueCodec.write(values))
        .containsEntry("invoice_id", java.util.List.of(Map.of("value", "in_1")))
        .containsEntry(
            "email_addresses",
            java.util.List.of(
                Map.of("email_address", "a@x.com"), Map.of("email_address", "b@x.com")))
        .containsEntry("memo", java.util.List.of());
  }

  @Test
  void a_past_value_is_read_with_when_it_stopped_and_who_wrote_it() {
    StoredValue past =
        ValueCodec.stored(
            json(
                """
                {"active_from":"2023-01-01T15:00:00.000000000Z",
                 "active_until":"2023-02-01T09:30:00.500000000Z",
                 "created_by_actor":{"type":"workspace-member","id":"%s"},
                 "status":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
                   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
                   "attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96","status_id":"%s"},
                   "title":"Lead","is_archived":false,"target_time_in_status":null,
                   "celebration_enabled":false},
                 "attribute_type":"status"}"""
                    .formatted(MEMBER, MEMBER)));
    assertThat(past.value()).isEqualTo(new AttioValue.Status(new StatusId(MEMBER), "Lead"));
    assertThat(past.activeFrom()).isEqualTo(Instant.parse("2023-01-01T15:00:00Z"));
    assertThat(past.activeUntil()).isEqualTo(Instant.parse("2023-02-01T09:30:00.5Z"));
    assertThat(past.isActive()).isFalse();
    assertThat(past.createdBy()).isEqualTo(new Actor("workspace-member", MEMBER));
  }

  @Test
  void read_values_carry_attios_derived_fields() {
    assertThat(ValueCodec.read(json("{\"value\":3.5,\"attribute_type\":\"number\"}")))
        .isEqualTo(new AttioValue.Number(new BigDecimal("3.5")));
    assertThat(
            ValueCodec.read(
                json(
                    "{\"currency_value\":120.5,\"currency_code\":\"EUR\",\"attribute_type\":\"currency\"}")))
        .isEqualTo(new AttioValue.Currency(new BigDecimal("120.5"), "EUR"));
    assertThat(
            ValueCodec.read(
                json(
                    "{\"referenced_actor_type\":\"workspace-member\",\"referenced_actor_id\":\""
                        + MEMBER
                        + "\",\"attribute_type\":\"actor-reference\"}")))
        .isEqualTo(new AttioValue.ActorReference("workspace-member", MEMBER, null));
    assertThat(
            ValueCodec.read(
                json(
                    "{\"domain\":\"app.acme.com\",\"root_domain\":\"acme.com\",\"attribute_type\":\"domain\"}")))
        .isEqualTo(new AttioValue.Domain("app.acme.com", "acme.com"));
  }

  @Test
  void an_unmodelled_type_is_read_as_other_without_the_common_fields() {
    var node =
        json(
            "{\"active_from\":\"2023-01-01T00:00:00.000000000Z\",\"active_until\":null,"
                + "\"created_by_actor\":{\"type\":\"system\",\"id\":null},\"value\":4,\"attribute_type\":\"rating\"}");
    StoredValue stored = ValueCodec.stored(node);
    assertThat(stored.value()).isEqualTo(new AttioValue.Other("rating", Map.of("value", 4)));
    assertThat(stored.createdBy()).isEqualTo(new Actor("system", null));
  }

  @Test
  void a_select_sent_as_a_bare_option_id_is_read() {
    var node =
        json("{\"option\":\"41252299-f8c7-4b5e-99c9-4ff8321d2f96\",\"attribute_type\":\"select\"}");
    assertThat(ValueCodec.read(node))
        .isEqualTo(
            new AttioValue.Select(new OptionId("41252299-f8c7-4b5e-99c9-4ff8321d2f96"), null));
  }

  @Test
  void ids_must_be_uuids() {
    assertThatThrownBy(() -> new RecordId("people")).isInstanceOf(IllegalArgumentException.class);
  }
}
