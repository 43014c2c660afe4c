package dev.invoicebridge.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {
  @Test
  void nested_keys_become_maps_and_indexed_keys_become_lists() {
    Map<String, Object> decoded =
        FormDecoder.decode(
            "metadata%5Bcrm_id%5D=42&lines[0][amount]=5&lines[1][pricing][price]=price_1"
                + "&lines[0][description]=A+b&expand[]=customer&expand[]=lines&name=J%C3%BCrg");

    assertThat(decoded)
        .containsEntry("metadata", Map.of("crm_id", "42"))
        .containsEntry("expand", List.of("customer", "lines"))
        .containsEntry("name", "Jürg");
    assertThat(decoded.get("lines"))
        .isEqualTo(
            List.of(
                Map.of("amount", "5", "description", "A b"),
                Map.of("pricing", Map.of("price", "price_1"))));
  }

  @Test
  void stripe_java_style_indexed_expand_is_a_list() {
    assertThat(FormDecoder.decode("expand[0]=data.product&expand[1]=data.x"))
        .containsEntry("expand", List.of("data.product", "data.x"));
  }
}
