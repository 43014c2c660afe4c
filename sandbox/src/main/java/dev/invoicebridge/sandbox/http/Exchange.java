package dev.invoicebridge.sandbox.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** One request/response pair as the emulators see it: a path below the mount point and JSON out. */
public final class Exchange {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpServletRequest request;
  private final HttpServletResponse response;

  public Exchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  public String method() {
    return request.getMethod();
  }

  /** The path below the servlet's mount point, always starting with "/". */
  public String path() {
    String info = request.getPathInfo();
    return info == null || info.isEmpty() ? "/" : info;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeader(name));
  }

  /** The bearer token of the Authorization header, if any. */
  public Optional<String> bearerToken() {
    return header("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim())
        .filter(t -> !t.isEmpty());
  }

  public void header(String name, String value) {
    response.setHeader(name, value);
  }

  /** Writes {@code body} as JSON with the given status. */
  public void json(int status, Object body) {
    try {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
