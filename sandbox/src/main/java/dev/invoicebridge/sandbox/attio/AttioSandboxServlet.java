package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.http.Exchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emulates Attio's REST v2 API under its mount point: bearer (or basic) auth, per-token rate
 * limits, Attio's envelopes and error bodies, the endpoints the product uses, signed outbound
 * webhooks, and, under {@code /_control/}, sandbox-only switches that cannot collide with {@code
 * /v2}.
 */
public final class AttioSandboxServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final transient Supplier<String> acceptedToken;
  private final transient AttioSandboxSettings settings;
  private final transient RateLimiter limiter;
  private final transient FaultInjector faults = new FaultInjector();
  private final transient WebhookDelivery delivery;
  private final transient Admission admission;
  private transient volatile AttioEngine engine;

  /**
   * Sandbox mode: the demo workspace with Attio's real rate limits.
   *
   * @param acceptedToken the one bearer token this emulated workspace accepts
   * @param workspace the emulated workspace's identity
   */
  public AttioSandboxServlet(
      Supplier<String> acceptedToken, AttioWorkspace workspace, Clock clock) {
    this(acceptedToken, AttioSandboxSettings.sandboxMode(workspace, clock));
  }

  public AttioSandboxServlet(Supplier<String> acceptedToken, AttioSandboxSettings settings) {
    this.acceptedToken = acceptedToken;
    this.settings = settings;
    this.limiter =
        new RateLimiter(settings.clock(), settings.readsPerSecond(), settings.writesPerSecond());
    this.engine = AttioEngine.create(settings.workspace(), settings.clock(), settings.demoData());
    this.delivery = new WebhookDelivery(new LiveWebhooks(this), settings.webhookRetryDelays());
    this.admission = new Admission(faults, limiter, settings.clock());
  }

  /** The sandbox's switches, for tests that run it in-process. */
  public AttioSandboxControl control() {
    return new ServletControl(faults, limiter, delivery, this::reset);
  }

  private void reset(boolean demo) {
    engine = AttioEngine.create(settings.workspace(), settings.clock(), demo);
  }

  AttioEngine engine() {
    return engine;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    Exchange ex = new Exchange(req, resp);
    ex.header("x-request-id", "req_" + UUID.randomUUID());
    Optional<String> token = token(ex).filter(this::accepted);
    if (token.isEmpty()) {
      error(
          ex,
          new AttioProblem(
              401, "auth_error", "unauthorized", "Authentication failed. Check your API token."));
      return;
    }
    if (ex.path().startsWith("/_control/")) {
      try {
        new ControlEndpoint(control()).handle(ex, body(req));
      } catch (AttioProblem p) {
        error(ex, p);
      }
      return;
    }
    if (ex.method().equals("GET") && ex.path().equals("/v2/self")) {
      Optional<Duration> admitted = admission.admit(ex, token.get(), false);
      if (admitted.isPresent()) {
        Admission.hold(admitted.get());
        ex.json(200, IdentityJson.self(settings.workspace(), settings.clock()));
      }
      return;
    }
    AttioEngine current = engine;
    Optional<AttioRoutes.Match> match = current.route(ex.method(), ex.path());
    if (match.isEmpty()) {
      error(ex, AttioProblem.notFound("Route " + ex.method() + " " + ex.path() + " not found."));
      return;
    }
    Optional<Duration> admitted = admission.admit(ex, token.get(), match.get().write());
    if (admitted.isPresent()) {
      handle(ex, req, current, match.get(), admitted.get());
    }
  }

  /** Processes the call, then answers (after {@code holdAnswer}, for a lost-answer fault). */
  private void handle(
      Exchange ex,
      HttpServletRequest req,
      AttioEngine current,
      AttioRoutes.Match match,
      Duration holdAnswer) {
    AttioCall call;
    Object body;
    try {
      call = new AttioCall(match.params(), query(req), body(req));
      synchronized (current.store) {
        body = match.handler().handle(call);
      }
    } catch (AttioProblem p) {
      Admission.hold(holdAnswer);
      error(ex, p);
      return;
    }
    Admission.hold(holdAnswer);
    ex.json(200, body);
    delivery.publish(call.events);
  }

  /** Attio's error body: {status_code, type, code, message}. */
  static void error(Exchange ex, AttioProblem p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status_code", p.status);
    body.put("type", p.type);
    body.put("code", p.code);
    body.put("message", p.getMessage());
    ex.json(p.status, body);
  }

  /** Bearer, or HTTP Basic with the token as user name and an empty password. */
  private static Optional<String> token(Exchange ex) {
    Optional<String> bearer = ex.bearerToken();
    if (bearer.isPresent()) {
      return bearer;
    }
    return ex.header("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
        .map(
            h ->
                new String(
                    Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8))
        .map(
            userPass ->
                userPass.endsWith(":") ? userPass.substring(0, userPass.length() - 1) : userPass);
  }

  private boolean accepted(String token) {
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8),
        acceptedToken.get().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(HttpServletRequest req) {
    Map<String, String> q = new LinkedHashMap<>();
    req.getParameterMap().forEach((k, v) -> q.put(k, v.length == 0 ? "" : v[0]));
    return q;
  }

  private static JsonNode body(HttpServletRequest req) {
    try {
      byte[] bytes = req.getInputStream().readAllBytes();
      return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    } catch (JacksonException e) {
      throw AttioProblem.validation("The request body is not valid JSON.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void destroy() {
    delivery.close();
  }

  /** The webhooks of whichever workspace state is current. */
  private record LiveWebhooks(AttioSandboxServlet servlet)
      implements Supplier<Collection<WebhookDef>> {
    @Override
    public Collection<WebhookDef> get() {
      return servlet.engine.webhookDefs();
    }
  }
}
