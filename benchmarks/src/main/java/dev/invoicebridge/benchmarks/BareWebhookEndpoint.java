package dev.invoicebridge.benchmarks;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of {@link WebhookIngest}: the Stripe webhook endpoint's shape (same filters, same
 * body and header binding, same JSON answer) with nothing behind it. It exists only when a
 * benchmark starts the service.
 */
@RestController
class BareWebhookEndpoint {
  @PostMapping(path = "/webhooks/bare/{workspace}", consumes = "*/*")
  ResponseEntity<Map<String, Object>> receive(
      @PathVariable String workspace,
      @RequestBody(required = false) String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    return ResponseEntity.ok(Map.of("received", true));
  }
}
