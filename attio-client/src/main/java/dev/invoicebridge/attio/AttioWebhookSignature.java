package dev.invoicebridge.attio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Attio's webhook signature: the {@code Attio-Signature} header (duplicated in {@code
 * X-Attio-Signature}) holds the hex HMAC-SHA256 of the raw request body, keyed with the webhook's
 * secret. Attio's scheme has no timestamp, so replays are stopped by deduplicating on the {@code
 * Idempotency-Key} header, not here.
 */
public final class AttioWebhookSignature {
  /** The header Attio signs with. */
  public static final String HEADER = "Attio-Signature";

  private AttioWebhookSignature() {}

  /** Whether {@code header} is the signature of exactly {@code rawBody} under {@code secret}. */
  public static boolean isValid(byte[] rawBody, String header, String secret) {
    if (header == null
        || secret == null
        || secret.isEmpty()
        || !header.trim().matches("(?i)^[0-9a-f]{64}$")) {
      return false;
    }
    byte[] expected = sign(rawBody, secret).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    // Constant-time comparison, so timing reveals nothing about the expected signature.
    return MessageDigest.isEqual(expected, given);
  }

  /** The signature Attio would send for {@code rawBody}; also used by the sandbox and tests. */
  public static String sign(byte[] rawBody, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
