package dev.invoicebridge.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** A 256-bit AES master key and its public id (a hash prefix that names it in ciphertexts). */
record MasterKey(String id, SecretKey key) {
  static MasterKey fromBase64(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64.trim());
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a master key must be 32 bytes");
    }
    return new MasterKey(idOf(bytes), new SecretKeySpec(bytes, "AES"));
  }

  private static String idOf(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("invoicebridge-key-id".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(key), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
