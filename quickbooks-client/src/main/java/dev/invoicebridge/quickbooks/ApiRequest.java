package dev.invoicebridge.quickbooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One call to the Accounting API, below {@code /v3/company/{realmId}}.
 *
 * @param body JSON (or empty) for a POST, null for a GET
 * @param requestId Intuit's idempotency key for writes, null for reads
 */
record ApiRequest(
    String method, String path, Map<String, String> query, String body, String requestId) {
  ApiRequest {
    query = Map.copyOf(query);
    if (requestId != null && requestId.length() > 50) {
      throw new IllegalArgumentException("requestid has at most 50 characters");
    }
  }

  static ApiRequest get(String path, Map<String, String> query) {
    return new ApiRequest("GET", path, query, null, null);
  }

  static ApiRequest post(String path, Map<String, String> query, String body, String requestId) {
    return new ApiRequest("POST", path, query, body, requestId);
  }

  /** Reads and deduplicated writes may be sent twice without effect. */
  boolean repeatable() {
    return method.equals("GET") || requestId != null;
  }

  String queryString() {
    Map<String, String> all = new LinkedHashMap<>(query);
    all.put("minorversion", "75");
    if (requestId != null) {
      all.put("requestid", requestId);
    }
    return all.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
