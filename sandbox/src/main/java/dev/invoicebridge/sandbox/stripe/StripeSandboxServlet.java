package dev.invoicebridge.sandbox.stripe;

import dev.invoicebridge.sandbox.http.Exchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Serves a {@link StripeSandbox} over HTTP: Stripe's /v1 API plus the sandbox-only control
 * endpoints under /_control. Every response carries a {@code Request-Id}.
 */
public final class StripeSandboxServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient StripeSandbox sandbox;
  private final transient ApiPipeline pipeline;
  private final transient ControlApi control;

  public StripeSandboxServlet(StripeSandbox sandbox) {
    this.sandbox = sandbox;
    this.pipeline = new ApiPipeline(sandbox);
    this.control = new ControlApi(sandbox);
  }

  /** An emulated account with the system clock. */
  public StripeSandboxServlet(Supplier<String> acceptedKey, String accountId) {
    this(new StripeSandbox(acceptedKey, accountId, Clock.systemUTC()));
  }

  public StripeSandbox sandbox() {
    return sandbox;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    Exchange ex = new Exchange(req, resp);
    String requestId = "req_" + StripeStore.random(14);
    ex.header("Request-Id", requestId);
    String body = req.getMethod().equals("POST") ? body(req) : "";
    if (ex.path().startsWith("/_control/")) {
      serveControl(ex, req, body);
      return;
    }
    ApiPipeline.Answer answer =
        pipeline.serve(
            new ApiPipeline.Incoming(
                ex.method(),
                ex.path(),
                req.getQueryString(),
                body,
                ex.header("Authorization"),
                ex.header("Idempotency-Key")),
            requestId);
    answer.headers().forEach(ex::header);
    ex.json(answer.response().status(), answer.response().body());
  }

  private void serveControl(Exchange ex, HttpServletRequest req, String body) {
    if (!ex.bearerToken().filter(t -> t.equals(sandbox.secretKey().get())).isPresent()) {
      StripeApiException e =
          StripeApiException.of(
              401,
              "invalid_request_error",
              null,
              "The control endpoints need the account's secret key.");
      ex.json(401, e.body());
      return;
    }
    Response r;
    try {
      var values = FormDecoder.decode(req.getQueryString());
      values.putAll(FormDecoder.decode(body));
      r = control.serve(ex.method(), ex.path(), new Params(values));
    } catch (StripeApiException e) {
      r = new Response(e.status(), e.body());
    }
    ex.json(r.status(), r.body());
  }

  private static String body(HttpServletRequest req) {
    try {
      return new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void destroy() {
    sandbox.close();
  }
}
