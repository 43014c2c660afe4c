package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import dev.invoicebridge.invoicing.stripe.StripeSignatureException.Reason;
import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.vault.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeSignaturesTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Secret SECRET = new Secret("whsec_current0123456789");
  private static final Secret OLD = new Secret("whsec_previous0123456789");
  private static final String PAYLOAD =
      "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":1795341600,"
          + "\"api_version\":\"2026-07-29.dahlia\",\"data\":{\"object\":{\"id\":\"in_1\",\"object\":\"invoice\"}}}";

  private final MutableClock clock = new MutableClock(NOW);
  private final StripeSignatures signatures =
      new StripeSignatures(clock, StripeSignatures.DEFAULT_TOLERANCE);

  @Test
  void a_valid_signature_is_accepted_and_the_event_read() {
    StripeWebhookEvent event =
        signatures.verify(PAYLOAD, StripeSignatures.sign(PAYLOAD, SECRET, NOW), List.of(SECRET));

    assertThat(event.id()).isEqualTo("evt_1");
    assertThat(event.type()).isEqualTo("invoice.paid");
    assertThat(event.objectId()).contains("in_1");
  }

  @Test
  void a_header_signed_by_stripe_java_is_accepted() throws Exception {
    String header = Webhook.Signature.generateSignatureHeader(PAYLOAD, SECRET.reveal());
    StripeSignatures systemClock =
        new StripeSignatures(java.time.Clock.systemUTC(), StripeSignatures.DEFAULT_TOLERANCE);

    assertThat(systemClock.verify(PAYLOAD, header, List.of(SECRET)).id()).isEqualTo("evt_1");
  }

  @Test
  void a_tampered_payload_is_rejected() {
    String header = StripeSignatures.sign(PAYLOAD, SECRET, NOW);

    assertThatThrownBy(
            () -> signatures.verify(PAYLOAD.replace("in_1", "in_2"), header, List.of(SECRET)))
        .isInstanceOfSatisfying(
            StripeSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void a_signature_older_than_the_tolerance_is_rejected() {
    String header = StripeSignatures.sign(PAYLOAD, SECRET, NOW);
    clock.advance(Duration.ofSeconds(301));

    assertThatThrownBy(() -> signatures.verify(PAYLOAD, header, List.of(SECRET)))
        .isInstanceOfSatisfying(
            StripeSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
  }

  @Test
  void a_signature_within_the_tolerance_is_accepted() {
    String header = StripeSignatures.sign(PAYLOAD, SECRET, NOW);
    clock.advance(Duration.ofSeconds(300));

    assertThat(signatures.verify(PAYLOAD, header, List.of(SECRET)).id()).isEqualTo("evt_1");
  }

  @Test
  void a_signature_from_an_unknown_secret_is_rejected() {
    String header = StripeSignatures.sign(PAYLOAD, new Secret("whsec_someoneelse"), NOW);

    assertThatThrownBy(() -> signatures.verify(PAYLOAD, header, List.of(SECRET)))
        .isInstanceOfSatisfying(
            StripeSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
  }

  @Test
  void during_rotation_any_v1_signature_and_any_known_secret_match() {
    String withOld = StripeSignatures.sign(PAYLOAD, OLD, NOW);
    String withNew = StripeSignatures.sign(PAYLOAD, SECRET, NOW);
    String both = withOld + "," + withNew.substring(withNew.indexOf("v1="));

    assertThat(signatures.verify(PAYLOAD, both, List.of(SECRET)).id()).isEqualTo("evt_1");
    assertThat(signatures.verify(PAYLOAD, withOld, List.of(SECRET, OLD)).id()).isEqualTo("evt_1");
  }

  @Test
  void a_header_without_timestamp_or_v1_is_malformed() {
    assertThatThrownBy(() -> signatures.verify(PAYLOAD, "v0=abc", List.of(SECRET)))
        .isInstanceOfSatisfying(
            StripeSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER));
    assertThatThrownBy(() -> signatures.verify(PAYLOAD, null, List.of(SECRET)))
        .isInstanceOf(StripeSignatureException.class);
  }

  @Test
  void the_event_is_read_past_fields_it_does_not_need_however_nested() {
    String payload =
        """
        {"object": "event", "lines": [{"id": "il_1", "data": {"object": {"id": "no"}}}],
         "data": {"previous_attributes": {"id": "old"}, "object": {"lines": {"data": [{"id": "il_2"}]},
          "id": "in_9", "metadata": {"id": "x"}}},
         "id": "evt_9", "created": 1790000000, "type": "invoice.paid", "api_version": null}
        """;

    StripeWebhookEvent event =
        signatures.verify(payload, StripeSignatures.sign(payload, SECRET, NOW), List.of(SECRET));

    assertThat(event.id()).isEqualTo("evt_9");
    assertThat(event.type()).isEqualTo("invoice.paid");
    assertThat(event.objectId()).contains("in_9");
    assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1790000000));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{\"id\": \"evt_1\", \"created\": 1}",
        "{\"id\": \"evt_1\", \"type\": \"invoice.paid\", \"created\": 1} {}",
        "{\"id\": {}, \"type\": \"invoice.paid\", \"created\": 1}",
        "{\"id\": \"evt_1\", \"type\": \"invoice.paid\", \"created\": 1, \"data\": []}",
        "{\"id\": \"evt_1\", \"type\": \"invoice.paid\", \"created\": \"soon\"}"
      })
  void a_signed_payload_that_is_not_a_stripe_event_is_malformed(String payload) {
    assertThatThrownBy(
            () ->
                signatures.verify(
                    payload, StripeSignatures.sign(payload, SECRET, NOW), List.of(SECRET)))
        .isInstanceOfSatisfying(
            StripeSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD));
  }
}
