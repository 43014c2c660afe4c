package dev.invoicebridge.sandbox.attio;

/** Identity of the emulated Attio workspace, as {@code GET /v2/self} reports it. */
public record AttioWorkspace(
    String id, String name, String slug, String memberId, String clientId) {
  /** The demo workspace that sandbox mode connects to. */
  public static AttioWorkspace demo() {
    return new AttioWorkspace(
        "8d3c5b1e-0f7a-4c55-9a5e-3b8f8d1f2a10",
        "Invoicebridge Sandbox",
        "invoicebridge-sandbox",
        "1a6f7a1c-9d3e-4a8b-b1d2-6c4e2f0a9b31",
        "2f5e8b0c-7a41-4e3d-8c6b-9d0e1f2a3b4c");
  }
}
