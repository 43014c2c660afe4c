package dev.invoicebridge.sandbox.quickbooks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OpenID Connect id_tokens as Intuit issues them when the {@code openid} scope was granted: JWTs
 * signed RS256 by Intuit's issuer, verifiable with the keys at the JWKS endpoint ({@code
 * /op/v1/jwks} below the mount point). The key pair lives as long as the emulator.
 */
final class IdTokens {
  /** Intuit's id-token issuer. */
  static final String ISSUER = "https://oauth.platform.intuit.com/op/v1";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final String keyId = UUID.randomUUID().toString();

  IdTokens() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  /** A signed id_token for the user behind {@code subject}, for {@code clientId} and one realm. */
  String issue(String subject, String clientId, String realmId, Instant now) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("kid", keyId);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject);
    claims.put("aud", List.of(clientId));
    claims.put("realmid", realmId);
    claims.put("auth_time", now.getEpochSecond());
    claims.put("iss", ISSUER);
    claims.put("exp", now.plusSeconds(3600).getEpochSecond());
    claims.put("iat", now.getEpochSecond());
    String signingInput = part(header) + "." + part(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign an id_token", e);
    }
  }

  /** The JSON Web Key Set that verifies the id_tokens. */
  Map<String, Object> jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("kid", keyId);
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("n", unsigned(key.getModulus()));
    jwk.put("e", unsigned(key.getPublicExponent()));
    return Map.of("keys", List.of(jwk));
  }

  private static String part(Map<String, Object> json) {
    return B64.encodeToString(QboExchange.JSON.writeValueAsBytes(json));
  }

  private static String unsigned(BigInteger n) {
    byte[] bytes = n.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] out = new byte[bytes.length - skip];
    System.arraycopy(bytes, skip, out, 0, out.length);
    return B64.encodeToString(out);
  }
}
