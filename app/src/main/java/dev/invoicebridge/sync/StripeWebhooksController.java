package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.sync.WebhookGate.Admission;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook deliveries for one workspace: verify the signature against the raw body, store
 * the event and its body in the inbox (one commit), answer 200, and leave the work to the {@link
 * InboxDrain}. Nothing is stored for a delivery that is not proven (it is only counted), nor for
 * any delivery while sync is off.
 */
@RestController
class StripeWebhooksController {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhooksController.class);
  private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9-]{1,36}");
  private static final String NO_ENDPOINT =
      "No Stripe webhook endpoint is registered for this URL.";

  private final WebhookGate gate;
  private final WebhookIntake intake;
  private final StripeWebhookSecrets secrets;
  private final WebhookRejections rejections;

  StripeWebhooksController(
      WebhookGate gate,
      WebhookIntake intake,
      StripeWebhookSecrets secrets,
      WebhookRejections rejections) {
    this.gate = gate;
    this.intake = intake;
    this.secrets = secrets;
    this.rejections = rejections;
  }

  @PostMapping(path = "/webhooks/stripe/{workspace}", consumes = "*/*")
  ResponseEntity<Map<String, Object>> receive(
      @PathVariable String workspace,
      @RequestBody(required = false) String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    if (!WORKSPACE.matcher(workspace).matches()) {
      return refuse(NO_ENDPOINT);
    }
    WorkspaceId id = new WorkspaceId(workspace);
    String body = payload == null ? "" : payload;
    Admission admission = gate.admit(id);
    if (admission instanceof WebhookGate.Open kept && kept.kept()) {
      Optional<WebhookEvent> event = kept.tryVerify(body, signature);
      if (event.isPresent()) {
        return accept(id, event.get(), body);
      }
      // Refused or dropped only on what is stored now: another instance may have replaced the
      // endpoint's secret since the gate was kept.
      admission = gate.read(id);
    }
    return switch (admission) {
      case WebhookGate.Closed closed -> refuse(NO_ENDPOINT);
      // Send-only: our endpoint is gone, but Stripe still retries what it sent before. Those are
      // acknowledged so the retries stop, and dropped unread.
      case WebhookGate.SendOnly sendOnly ->
          ResponseEntity.ok(Map.of("received", true, "stored", false));
      case WebhookGate.Open open -> verifyAndAccept(id, body, signature, open);
    };
  }

  private ResponseEntity<Map<String, Object>> verifyAndAccept(
      WorkspaceId id, String body, String signature, WebhookGate.Open open) {
    WebhookEvent event;
    try {
      event = verify(id, body, signature, open);
    } catch (InvoicingFailure e) {
      String reason = e.providerCode().orElse("UNVERIFIED");
      rejections.count(id, Provider.STRIPE, reason);
      log.warn("Rejected a Stripe webhook delivery: {}", reason);
      return refuse("The Stripe-Signature header does not prove this payload.");
    }
    return accept(id, event, body);
  }

  private ResponseEntity<Map<String, Object>> accept(
      WorkspaceId id, WebhookEvent event, String body) {
    intake.accept(id, Provider.STRIPE, event, body);
    return ResponseEntity.ok(Map.of("received", true));
  }

  /**
   * Verifies with the current secret, then with the one it replaced while that is within its grace
   * period: retries of deliveries signed before the endpoint was re-created still count.
   */
  private WebhookEvent verify(
      WorkspaceId workspace, String payload, String signature, WebhookGate.Open open) {
    try {
      return open.verify(payload, signature);
    } catch (InvoicingFailure e) {
      List<Secret> previous = secrets.previous(workspace);
      if (previous.isEmpty() || !"NO_MATCHING_SIGNATURE".equals(e.providerCode().orElse(""))) {
        throw e;
      }
      return open.verifier().verifyWebhook(payload, signature, previous);
    }
  }

  private static ResponseEntity<Map<String, Object>> refuse(String message) {
    return ResponseEntity.badRequest().body(Map.of("error", message));
  }
}
