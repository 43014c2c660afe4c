package dev.invoicebridge.invoicing.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.invoicebridge.invoicing.stripe.StripeSignatureException.Reason;
import dev.invoicebridge.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code Stripe-Signature: t=...,v1=...[,v1=...]}: HMAC-SHA256 of {@code t + "." + raw
 * body} keyed with a {@code whsec_} secret, compared in constant time against every v1 entry and
 * every secret (both change during a rotation), with the timestamp within the tolerance.
 */
public final class StripeSignatures {
  /** stripe-java's {@code Webhook.DEFAULT_TOLERANCE}. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  private final Clock clock;
  private final Duration tolerance;

  public StripeSignatures(Clock clock, Duration tolerance) {
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /** The event, or {@link StripeSignatureException} when the payload is not proven. */
  public StripeWebhookEvent verify(String payload, String header, List<Secret> secrets) {
    long timestamp = -1;
    List<String> signatures = new ArrayList<>();
    for (String part : header == null ? new String[0] : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        timestamp = parseTimestamp(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        signatures.add(kv[1]);
      }
    }
    if (timestamp < 0 || signatures.isEmpty()) {
      throw new StripeSignatureException(
          Reason.MALFORMED_HEADER, "No t= timestamp or v1= signature");
    }
    if (!matches(timestamp + "." + payload, signatures, secrets)) {
      throw new StripeSignatureException(
          Reason.NO_MATCHING_SIGNATURE, "No signature matches the payload");
    }
    Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant());
    if (age.abs().compareTo(tolerance) > 0) {
      throw new StripeSignatureException(
          Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "Timestamp outside the tolerance zone");
    }
    return parse(payload);
  }

  /** A header as Stripe would send it; for tests and the sandbox's peers. */
  public static String sign(String payload, Secret secret, Instant at) {
    return "t=" + at.getEpochSecond() + ",v1=" + hmac(at.getEpochSecond() + "." + payload, secret);
  }

  private static boolean matches(String signed, List<String> signatures, List<Secret> secrets) {
    boolean found = false;
    for (Secret secret : secrets) {
      byte[] expected = hmac(signed, secret).getBytes(StandardCharsets.US_ASCII);
      for (String candidate : signatures) {
        // Constant-time per comparison; the loop does not stop early either.
        found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
      }
    }
    return found;
  }

  private static String hmac(String message, Secret secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // Stripe keys the HMAC with the whole whsec_ string as UTF-8, not base64-decoded.
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static long parseTimestamp(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new StripeSignatureException(
          Reason.MALFORMED_HEADER, "The t= timestamp is not a number");
    }
  }

  private static StripeWebhookEvent parse(String payload) {
    try {
      JsonObject event = JsonParser.parseString(payload).getAsJsonObject();
      Optional<String> objectId =
          Optional.ofNullable(event.getAsJsonObject("data"))
              .map(d -> d.getAsJsonObject("object"))
              .map(o -> o.get("id"))
              .filter(JsonElement::isJsonPrimitive)
              .map(JsonElement::getAsString);
      JsonElement version = event.get("api_version");
      return new StripeWebhookEvent(
          event.get("id").getAsString(),
          event.get("type").getAsString(),
          Instant.ofEpochSecond(event.get("created").getAsLong()),
          version == null || version.isJsonNull() ? null : version.getAsString(),
          objectId);
    } catch (RuntimeException e) {
      throw new StripeSignatureException(
          Reason.MALFORMED_PAYLOAD, "The payload is not a Stripe event");
    }
  }
}
