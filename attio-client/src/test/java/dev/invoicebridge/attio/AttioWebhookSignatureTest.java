package dev.invoicebridge.attio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AttioWebhookSignatureTest {
  static final String SECRET = "whsec_attio_test_secret";
  static final byte[] BODY =
      "{\"webhook_id\":\"23e42eaf\",\"events\":[{\"event_type\":\"record.updated\"}]}"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void a_body_signed_with_the_secret_is_accepted_in_either_case() {
    String signature = AttioWebhookSignature.sign(BODY, SECRET);

    assertThat(AttioWebhookSignature.isValid(BODY, signature, SECRET)).isTrue();
    assertThat(AttioWebhookSignature.isValid(BODY, signature.toUpperCase(Locale.ROOT), SECRET))
        .isTrue();
  }

  @Test
  void the_signature_is_the_hex_hmac_sha256_of_the_raw_body() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertThat(
            AttioWebhookSignature.sign(
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void a_tampered_body_or_another_secret_is_rejected() {
    String signature = AttioWebhookSignature.sign(BODY, SECRET);
    byte[] tampered =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("updated", "deleted")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(AttioWebhookSignature.isValid(tampered, signature, SECRET)).isFalse();
    assertThat(AttioWebhookSignature.isValid(BODY, signature, "another-secret")).isFalse();
    assertThat(
            AttioWebhookSignature.isValid(
                BODY, AttioWebhookSignature.sign(BODY, "another-secret"), SECRET))
        .isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "not-hex",
        "abc123",
        "sha256=0000000000000000000000000000000000000000000000000000000000000000"
      })
  void a_missing_or_malformed_header_is_rejected(String header) {
    assertThat(AttioWebhookSignature.isValid(BODY, header, SECRET)).isFalse();
  }
}
