package dev.invoicebridge.sandbox.quickbooks;

import dev.invoicebridge.sandbox.http.Exchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Emulates QuickBooks Online: bearer auth with Intuit's 401 shape, and CompanyInfo. */
public final class QuickBooksSandboxServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient Supplier<String> acceptedAccessToken;
  private final String realmId;
  private final transient Clock clock;

  public QuickBooksSandboxServlet(
      Supplier<String> acceptedAccessToken, String realmId, Clock clock) {
    this.acceptedAccessToken = acceptedAccessToken;
    this.realmId = realmId;
    this.clock = clock;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) {
    Exchange ex = new Exchange(req, resp);
    ex.header("intuit_tid", UUID.randomUUID().toString());
    if (!ex.bearerToken().filter(t -> t.equals(acceptedAccessToken.get())).isPresent()) {
      ex.header("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"");
      ex.json(401, gatewayAuthFault());
      return;
    }
    String companyInfo = "/v3/company/" + realmId + "/companyinfo/" + realmId;
    if (ex.method().equals("GET") && ex.path().equals(companyInfo)) {
      ex.json(200, Map.of("CompanyInfo", companyInfo(), "time", now()));
      return;
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("Message", "Unsupported Operation");
    error.put("Detail", "Operation " + ex.path() + " is not supported.");
    error.put("code", "500");
    ex.json(
        400,
        Map.of("Fault", Map.of("Error", List.of(error), "type", "ValidationFault"), "time", now()));
  }

  private Map<String, Object> companyInfo() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("CompanyName", "Invoicebridge Sandbox Company");
    info.put("LegalName", "Invoicebridge Sandbox Company LLC");
    info.put("Country", "US");
    info.put("Email", Map.of("Address", "books@sandbox.invoicebridge.dev"));
    info.put("domain", "QBO");
    info.put("sparse", false);
    info.put("Id", "1");
    info.put("SyncToken", "0");
    info.put("MetaData", Map.of("CreateTime", now(), "LastUpdatedTime", now()));
    return info;
  }

  private String now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(-8)).toString();
  }

  /** The gateway's lower-case fault shape that QuickBooks sends for an invalid token. */
  private Map<String, Object> gatewayAuthFault() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", "message=AuthenticationFailed; errorCode=003200; statusCode=401");
    error.put("detail", "Token invalid");
    error.put("code", "3200");
    error.put("element", null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("warnings", null);
    body.put("intuitObject", null);
    body.put("fault", Map.of("error", List.of(error), "type", "AUTHENTICATION"));
    body.put("time", clock.millis());
    return body;
  }
}
