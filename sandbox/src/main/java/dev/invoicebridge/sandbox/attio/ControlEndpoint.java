package dev.invoicebridge.sandbox.attio;

import dev.invoicebridge.sandbox.http.Exchange;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox-only switches over HTTP, under {@code /_control/} (outside Attio's {@code /v2}):
 *
 * <ul>
 *   <li>{@code POST /_control/faults} {@code {"kind":"server_error|timeout|rate_limit","count":N,
 *       "status":503,"hang_ms":30000,"applied":false}} ({@code status} a 5xx; {@code applied} makes
 *       a timeout happen after the call was processed); {@code DELETE /_control/faults} clears
 *       them;
 *   <li>{@code PUT /_control/rate_limits} {@code {"reads_per_second":100,"writes_per_second":25}};
 *   <li>{@code POST /_control/reset} {@code {"demo":true}};
 *   <li>{@code GET /_control/webhook_attempts}.
 * </ul>
 */
final class ControlEndpoint {
  private final AttioSandboxControl control;

  ControlEndpoint(AttioSandboxControl control) {
    this.control = control;
  }

  void handle(Exchange ex, JsonNode body) {
    String route = ex.method() + " " + ex.path();
    switch (route) {
      case "POST /_control/faults" -> fault(body);
      case "DELETE /_control/faults" -> control.clearFaults();
      case "PUT /_control/rate_limits" ->
          control.rateLimits(
              body.path("reads_per_second").asDouble(AttioSandboxSettings.ATTIO_READS_PER_SECOND),
              body.path("writes_per_second")
                  .asDouble(AttioSandboxSettings.ATTIO_WRITES_PER_SECOND));
      case "POST /_control/reset" -> control.reset(body.path("demo").asBoolean(true));
      case "GET /_control/webhook_attempts" -> {
        ex.json(200, Map.of("data", control.webhookAttempts()));
        return;
      }
      default -> throw AttioProblem.notFound("Sandbox control route " + route + " not found.");
    }
    ex.json(200, Map.of("ok", true));
  }

  private void fault(JsonNode body) {
    int count = body.path("count").asInt(1);
    if (count < 1 || count > 1000) {
      throw AttioProblem.validation("count must be between 1 and 1000.");
    }
    switch (body.path("kind").asString("")) {
      case "server_error" -> {
        int status = body.path("status").asInt(500);
        if (status < 500 || status > 599) {
          throw AttioProblem.validation("status must be a 5xx status for server_error faults.");
        }
        control.failNext(count, status);
      }
      case "timeout" -> {
        long hangMs = body.path("hang_ms").asLong(30_000);
        if (hangMs < 0 || hangMs > 120_000) {
          throw AttioProblem.validation("hang_ms must be between 0 and 120000.");
        }
        if (body.path("applied").asBoolean(false)) {
          control.loseAnswerNext(count, Duration.ofMillis(hangMs));
        } else {
          control.hangNext(count, Duration.ofMillis(hangMs));
        }
      }
      case "rate_limit" -> control.rateLimitNext(count);
      default -> throw AttioProblem.validation("kind must be server_error, timeout or rate_limit.");
    }
  }
}
