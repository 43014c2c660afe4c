package dev.invoicebridge.sandbox.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe's {@code Stripe-Signature}: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">}. */
final class WebhookSigner {
  private WebhookSigner() {}

  static String header(String payload, String secret, long timestamp) {
    return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload, secret);
  }

  static String hmac(String message, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // The whsec_ secret is used as UTF-8 bytes, without base64 decoding.
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
