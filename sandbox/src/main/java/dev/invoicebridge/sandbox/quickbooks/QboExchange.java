package dev.invoicebridge.sandbox.quickbooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One request to the QuickBooks emulator: raw body, query and form parameters, and answers. */
final class QboExchange {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private byte[] body;
  private int status;
  private String contentType;
  private byte[] written;

  QboExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  String method() {
    return request.getMethod();
  }

  String path() {
    String info = request.getPathInfo();
    return info == null || info.isEmpty() ? "/" : info;
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeader(name));
  }

  Optional<String> bearerToken() {
    return header("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim());
  }

  /** A query-string parameter (never the form body, which {@link #form()} reads). */
  Optional<String> query(String name) {
    return Optional.ofNullable(queryParameters().get(name));
  }

  /** Every query-string parameter, decoded, in the order sent. */
  Map<String, String> queryParameters() {
    return parse(request.getQueryString());
  }

  Map<String, String> form() {
    return parse(new String(body(), StandardCharsets.UTF_8));
  }

  byte[] body() {
    if (body == null) {
      try {
        body = request.getInputStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return body;
  }

  /** The JSON object body; QuickBooks answers malformed JSON with a 2010-style fault. */
  ObjectNode jsonBody() {
    try {
      JsonNode node = JSON.readTree(body());
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JacksonException e) {
      // fall through
    }
    throw QboFault.validation(
        "2010",
        "Request has invalid or unsupported property",
        "The request body is not a JSON object");
  }

  void header(String name, String value) {
    response.setHeader(name, value);
  }

  void json(int status, Object value) {
    write(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(value));
  }

  void write(int status, String contentType, byte[] bytes) {
    this.status = status;
    this.contentType = contentType;
    this.written = bytes;
    try {
      response.setStatus(status);
      response.setContentType(contentType);
      response.getOutputStream().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status answered so far (0 before any answer). */
  int status() {
    return status;
  }

  /** The JSON body answered, or null when the answer was not JSON (a PDF, a page). */
  String writtenJson() {
    return written == null || contentType == null || !contentType.contains("json")
        ? null
        : new String(written, StandardCharsets.UTF_8);
  }

  void redirect(String location) {
    this.status = 302;
    response.setStatus(302);
    response.setHeader("Location", location);
  }

  private static Map<String, String> parse(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(decode(key), decode(value));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
