package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ValueCodecTest {
  @Test
  void values_are_written_in_attios_object_forms() {
    RecordId id = new RecordId("891dcbfc-9141-415d-9b2a-2238a6cc012d");
    assertThat(ValueCodec.write(AttioValue.Currency.of(new BigDecimal("4.99"))))
        .isEqualTo(Map.of("currency_value", new BigDecimal("4.99")));
    assertThat(ValueCodec.write(AttioValue.Select.titled("Paid")))
        .isEqualTo(Map.of("option", "Paid"));
    assertThat(ValueCodec.write(AttioValue.Status.titled("Lead")))
        .isEqualTo(Map.of("status", "Lead"));
    assertThat(ValueCodec.write(new AttioValue.RecordReference("people", id)))
        .isEqualTo(Map.of("target_object", "people", "target_record_id", id.value()));
    assertThat(ValueCodec.write(AttioValue.PersonalName.of("Ada", "Lovelace")))
        .isEqualTo(
            Map.of("first_name", "Ada", "last_name", "Lovelace", "full_name", "Ada Lovelace"));
  }

  @Test
  void an_unmodelled_type_is_read_as_other_without_the_common_fields() {
    var node =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"active_from\":\"2023-01-01T00:00:00.000000000Z\",\"active_until\":null,"
                    + "\"created_by_actor\":{\"type\":\"system\",\"id\":null},\"value\":4,\"attribute_type\":\"rating\"}");
    StoredValue stored = ValueCodec.stored(node);
    assertThat(stored.value()).isEqualTo(new AttioValue.Other("rating", Map.of("value", 4)));
    assertThat(stored.createdBy()).isEqualTo(new Actor("system", null));
  }

  @Test
  void a_select_sent_as_a_bare_option_id_is_read() {
    var node =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"option\":\"41252299-f8c7-4b5e-99c9-4ff8321d2f96\",\"attribute_type\":\"select\"}");
    assertThat(ValueCodec.read(node))
        .isEqualTo(
            new AttioValue.Select(new OptionId("41252299-f8c7-4b5e-99c9-4ff8321d2f96"), null));
  }

  @Test
  void ids_must_be_uuids() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecordId("people"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
