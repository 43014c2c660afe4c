package dev.invoicebridge.attio;

/** Attio's REST v2 API as the product uses it. */
public interface AttioClient {
  /** {@code GET /v2/self}: who the token belongs to; a cheap way to validate a token. */
  AttioIdentity self();
}
