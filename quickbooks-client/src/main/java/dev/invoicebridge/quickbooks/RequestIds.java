package dev.invoicebridge.quickbooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic requestids (at most 50 characters): the same operation on the same content gets the
 * same id, so QuickBooks answers a retry with the first response instead of writing twice.
 */
final class RequestIds {
  private RequestIds() {}

  static String of(String operation, String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      String prefix = operation.length() > 17 ? operation.substring(0, 17) : operation;
      return prefix + "-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The caller's key when it fits, else a digest of it. */
  static String fromKey(String key) {
    return key.length() <= 50 && key.matches("[A-Za-z0-9._:-]+") ? key : of("key", key);
  }
}
