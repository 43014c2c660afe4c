package dev.invoicebridge.sandbox.quickbooks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Emulates QuickBooks Online under one mount point: Intuit's OAuth pages and endpoints, the
 * Accounting API at {@code /v3/company/{realmId}/...}, and sandbox controls at {@code /_control}.
 */
public final class QuickBooksSandboxServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient QuickBooksSandbox sandbox;
  private final transient OAuthEndpoints oauth;
  private final transient ApiEndpoints api;
  private final transient ControlEndpoints control;

  public QuickBooksSandboxServlet(QuickBooksSandbox sandbox) {
    this.sandbox = sandbox;
    this.oauth = new OAuthEndpoints(sandbox, sandbox.oauth());
    this.api = new ApiEndpoints(sandbox);
    this.control = new ControlEndpoints(sandbox);
  }

  /**
   * The service's sandbox mode: one company, entered with a pre-issued access token that does not
   * expire. The app credentials are random, so the OAuth flow is open only to the service itself;
   * the control endpoints also accept the pre-issued token as a bearer, as the Attio and Stripe
   * emulators accept their API credential.
   */
  public QuickBooksSandboxServlet(
      Supplier<String> acceptedAccessToken, String realmId, Clock clock) {
    this(preIssued(acceptedAccessToken, realmId, clock));
  }

  private static QuickBooksSandbox preIssued(Supplier<String> token, String realmId, Clock clock) {
    String random = UUID.randomUUID().toString();
    QuickBooksSandbox sandbox =
        new QuickBooksSandbox(SandboxSettings.of("sandbox-" + random, random, random), clock);
    sandbox.addCompany(realmId, "Invoicebridge Sandbox Company");
    sandbox.acceptPreIssuedToken(token, realmId);
    return sandbox;
  }

  public QuickBooksSandbox sandbox() {
    return sandbox;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    QboExchange ex = new QboExchange(req, resp);
    ex.header("intuit_tid", UUID.randomUUID().toString());
    boolean apiCall = ex.path().startsWith("/v3/");
    String requestBody =
        apiCall && sandbox.calls().recordsBodies() && ex.method().equals("POST")
            ? new String(ex.body(), StandardCharsets.UTF_8)
            : null;
    try {
      boolean handled = oauth.handle(ex) || control.handle(ex) || api.handle(ex);
      if (!handled) {
        throw QboFault.validation(
            "500", "Unsupported Operation", "Operation " + ex.path() + " is not supported.");
      }
    } catch (QboFault fault) {
      ex.json(
          fault.status(),
          fault.body(
              OffsetDateTime.now(sandbox.clock())
                  .withOffsetSameInstant(SandboxCompany.ZONE)
                  .format(SandboxCompany.RESPONSE_TIME)));
    }
    if (apiCall) {
      sandbox
          .calls()
          .add(
              new CallLog.Call(
                  ex.method(),
                  ex.path(),
                  ex.queryParameters(),
                  requestBody,
                  ex.status(),
                  ex.writtenJson()));
    }
  }
}
