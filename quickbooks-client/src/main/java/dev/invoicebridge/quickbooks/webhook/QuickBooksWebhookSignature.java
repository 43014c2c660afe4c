package dev.invoicebridge.quickbooks.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Intuit's webhook signature: the {@code intuit-signature} header holds the base64 HMAC-SHA256 of
 * the raw request body, keyed with the app's verifier token. The scheme has no timestamp; replays
 * are absorbed by deduplicating events, not here.
 */
public final class QuickBooksWebhookSignature {
  /** The header Intuit signs with. */
  public static final String HEADER = "intuit-signature";

  private QuickBooksWebhookSignature() {}

  /**
   * Whether {@code header} is the signature of exactly {@code rawBody} under the verifier token.
   */
  public static boolean isValid(byte[] rawBody, String header, String verifierToken) {
    if (rawBody == null || header == null || verifierToken == null || verifierToken.isEmpty()) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    // Constant-time comparison, so timing reveals nothing about the expected signature.
    return MessageDigest.isEqual(mac(rawBody, verifierToken), given);
  }

  /** The header value Intuit would send for {@code rawBody}; used by the sandbox and tests. */
  public static String sign(byte[] rawBody, String verifierToken) {
    return Base64.getEncoder().encodeToString(mac(rawBody, verifierToken));
  }

  private static byte[] mac(byte[] body, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
