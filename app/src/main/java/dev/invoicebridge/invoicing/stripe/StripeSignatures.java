package dev.invoicebridge.invoicing.stripe;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.invoicebridge.invoicing.stripe.StripeSignatureException.Reason;
import dev.invoicebridge.vault.Secret;
import java.io.IOException;
import java.io.StringReader;
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
    if (!matches(timestamp, payload, signatures, secrets)) {
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
    return "t="
        + at.getEpochSecond()
        + ",v1="
        + hmac(at.getEpochSecond(), payload.getBytes(StandardCharsets.UTF_8), secret);
  }

  private static boolean matches(
      long timestamp, String payload, List<String> signatures, List<Secret> secrets) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (Secret secret : secrets) {
      byte[] expected = hmac(timestamp, body, secret).getBytes(StandardCharsets.US_ASCII);
      for (String candidate : signatures) {
        // Constant-time per comparison; the loop does not stop early either.
        found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
      }
    }
    return found;
  }

  /** The hex HMAC of {@code timestamp + "." + body}, fed in parts rather than copied together. */
  private static String hmac(long timestamp, byte[] body, Secret secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // Stripe keys the HMAC with the whole whsec_ string as UTF-8, not base64-decoded.
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
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

  /**
   * Reads the event's id, type, creation time, API version and {@code data.object.id}, skipping the
   * rest: a streaming read, not a tree of the whole event (several kB) for five values.
   */
  private static StripeWebhookEvent parse(String payload) {
    try (JsonReader in = new JsonReader(new StringReader(payload))) {
      String id = null;
      String type = null;
      String version = null;
      Long created = null;
      Optional<String> objectId = Optional.empty();
      in.beginObject();
      while (in.hasNext()) {
        switch (in.nextName()) {
          case "id" -> id = scalar(in);
          case "type" -> type = scalar(in);
          case "api_version" -> version = scalar(in);
          case "created" -> created = in.nextLong();
          case "data" -> objectId = objectId(in);
          default -> in.skipValue();
        }
      }
      in.endObject();
      if (id == null || type == null || created == null || in.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalStateException("not a Stripe event");
      }
      return new StripeWebhookEvent(id, type, Instant.ofEpochSecond(created), version, objectId);
    } catch (IOException | RuntimeException e) {
      throw new StripeSignatureException(
          Reason.MALFORMED_PAYLOAD, "The payload is not a Stripe event");
    }
  }

  /** {@code data.object.id}; {@code data} and its {@code object} must be objects. */
  private static Optional<String> objectId(JsonReader in) throws IOException {
    Optional<String> id = Optional.empty();
    in.beginObject();
    while (in.hasNext()) {
      if (!in.nextName().equals("object")) {
        in.skipValue();
        continue;
      }
      in.beginObject();
      while (in.hasNext()) {
        if (in.nextName().equals("id") && scalarAhead(in)) {
          id = Optional.ofNullable(scalar(in));
        } else {
          in.skipValue();
        }
      }
      in.endObject();
    }
    in.endObject();
    return id;
  }

  private static boolean scalarAhead(JsonReader in) throws IOException {
    JsonToken next = in.peek();
    return next == JsonToken.STRING || next == JsonToken.NUMBER || next == JsonToken.BOOLEAN;
  }

  /** A string, number or boolean as text; null for JSON null; anything else is refused. */
  private static String scalar(JsonReader in) throws IOException {
    return switch (in.peek()) {
      case NULL -> {
        in.nextNull();
        yield null;
      }
      case BOOLEAN -> String.valueOf(in.nextBoolean());
      case STRING, NUMBER -> in.nextString();
      default -> throw new IllegalStateException("not a scalar");
    };
  }
}
