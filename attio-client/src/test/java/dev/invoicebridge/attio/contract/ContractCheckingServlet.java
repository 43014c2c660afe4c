package dev.invoicebridge.attio.contract;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mounts an emulator and checks every request it receives and every response it gives against
 * Attio's OpenAPI document, recording violations in {@link ContractLedger}. Sandbox-only control
 * calls (under {@code /_control/}) are not part of Attio's API and are passed through unchecked.
 */
public final class ContractCheckingServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient HttpServlet delegate;
  private final transient OpenApiContract contract;

  public ContractCheckingServlet(HttpServlet delegate, OpenApiContract contract) {
    this.delegate = delegate;
    this.contract = contract;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    delegate.init(config);
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    byte[] requestBody = req.getInputStream().readAllBytes();
    Capture capture = new Capture(resp);
    delegate.service(new Replay(req, requestBody), capture);
    byte[] responseBody = capture.bytes.toByteArray();
    resp.getOutputStream().write(responseBody);
    if (!path.startsWith("/_control/")) {
      String call = req.getMethod() + " " + path;
      Exchange answer = new Exchange(call, "", capture.getStatus(), false);
      OpenApiContract.checkRetryAfter(capture.getStatus(), capture.getHeader("Retry-After"))
          .forEach(v -> ContractLedger.record(answer, v, null));
      check(
          new Sent(req.getMethod(), path, req.getHeader("Authorization"), requestBody),
          query(req.getQueryString()),
          capture.getStatus(),
          responseBody);
    }
  }

  /** What the client sent: method, path, credentials and body. */
  private record Sent(String method, String path, String authorization, byte[] body) {}

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        out.put(
            key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private void check(Sent sent, Map<String, String> query, int status, byte[] response) {
    String method = sent.method();
    String path = sent.path();
    byte[] request = sent.body();
    String call = method + " " + path;
    Optional<String> template = contract.template(method, path);
    if (template.isEmpty()) {
      ContractLedger.record(
          new Exchange(call, "", status, true),
          new OpenApiContract.Violation("$", "no operation in the document matches", null),
          null);
      return;
    }
    JsonNode requestJson = request.length == 0 ? null : parse(request);
    Exchange asRequest = new Exchange(call, template.get(), status, true);
    contract
        .checkParameters(method, template.get(), path, query)
        .forEach(v -> ContractLedger.record(asRequest, v, null));
    contract
        .checkAuthorization(method, template.get(), sent.authorization())
        .forEach(v -> ContractLedger.record(asRequest, v, null));
    contract
        .checkRequest(method, template.get(), requestJson)
        .forEach(v -> ContractLedger.record(asRequest, v, requestJson));
    Exchange asResponse = new Exchange(call, template.get(), status, false);
    JsonNode responseJson = parse(response);
    contract
        .checkResponse(method, template.get(), status, responseJson)
        .forEach(v -> ContractLedger.record(asResponse, v, responseJson));
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return JsonMapper.builder().build().readTree(bytes);
    } catch (JacksonException e) {
      return JsonMapper.builder()
          .build()
          .getNodeFactory()
          .stringNode(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /** Gives the delegate the request body again after it was read for checking. */
  private static final class Replay extends HttpServletRequestWrapper {
    private final byte[] body;

    Replay(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking only");
        }
      };
    }
  }

  /** Keeps what the delegate writes so it can be checked, then copied to the real response. */
  private static final class Capture extends HttpServletResponseWrapper {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Capture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("blocking only");
        }
      };
    }

    @Override
    public PrintWriter getWriter() {
      return new PrintWriter(bytes, true, StandardCharsets.UTF_8);
    }
  }
}
