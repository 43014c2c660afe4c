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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
  }

  /** The sandbox's switches, for tests that run it in-process. */
  public AttioSandboxControl control() {
    return new Control();
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
      if (admitted(ex, token.get(), false)) {
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
    if (admitted(ex, token.get(), match.get().write())) {
      handle(ex, req, current, match.get());
    }
  }

  private void handle(
      Exchange ex, HttpServletRequest req, AttioEngine current, AttioRoutes.Match match) {
    AttioCall call;
    Object body;
    try {
      call = new AttioCall(match.params(), query(req), body(req));
      synchronized (current.store) {
        body = match.handler().handle(call);
      }
    } catch (AttioProblem p) {
      error(ex, p);
      return;
    }
    ex.json(200, body);
    delivery.publish(call.events);
  }

  /** Faults first, then the token's rate limit; false when the call was answered already. */
  private boolean admitted(Exchange ex, String token, boolean write) {
    Optional<FaultInjector.Fault> fault = faults.next();
    if (fault.isPresent()) {
      answerFault(ex, fault.get());
      return false;
    }
    Optional<Instant> retryAt = limiter.acquire(token, write);
    if (retryAt.isPresent()) {
      rateLimited(ex, retryAt.get());
      return false;
    }
    return true;
  }

  private void answerFault(Exchange ex, FaultInjector.Fault fault) {
    switch (fault.kind()) {
      case SERVER_ERROR ->
          error(
              ex,
              new AttioProblem(
                  fault.status(),
                  "api_error",
                  "internal_server_error",
                  "An unexpected error occurred."));
      case RATE_LIMIT -> rateLimited(ex, settings.clock().instant().plusSeconds(1));
      case TIMEOUT -> {
        try {
          Thread.sleep(fault.hang());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        error(ex, new AttioProblem(504, "api_error", "gateway_timeout", "The request timed out."));
      }
    }
  }

  private static void rateLimited(Exchange ex, Instant retryAt) {
    ex.header(
        "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atZone(ZoneOffset.UTC)));
    error(
        ex,
        new AttioProblem(
            429,
            "rate_limit_error",
            "rate_limit_exceeded",
            "Rate limit exceeded, please try again later"));
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

  private final class Control implements AttioSandboxControl {
    @Override
    public void failNext(int count, int status) {
      faults.add(
          new FaultInjector.Fault(FaultInjector.Kind.SERVER_ERROR, status, Duration.ZERO), count);
    }

    @Override
    public void hangNext(int count, Duration hang) {
      faults.add(new FaultInjector.Fault(FaultInjector.Kind.TIMEOUT, 504, hang), count);
    }

    @Override
    public void rateLimitNext(int count) {
      faults.add(new FaultInjector.Fault(FaultInjector.Kind.RATE_LIMIT, 429, Duration.ZERO), count);
    }

    @Override
    public void clearFaults() {
      faults.clear();
    }

    @Override
    public void rateLimits(double readsPerSecond, double writesPerSecond) {
      limiter.limits(readsPerSecond, writesPerSecond);
    }

    @Override
    public void reset(boolean demo) {
      engine = AttioEngine.create(settings.workspace(), settings.clock(), demo);
    }

    @Override
    public List<WebhookAttempt> webhookAttempts() {
      return delivery.attempts();
    }
  }
}
