package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.settings.SyncSettings;
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
 * the event in the inbox, answer 200, and leave the work to a job. Nothing is stored for a delivery
 * that is not proven (it is only counted), nor for any delivery while sync is off.
 */
@RestController
class StripeWebhooksController {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhooksController.class);
  private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9-]{1,36}");

  private final ProviderDirectory providers;
  private final StripeWebhookSecrets secrets;
  private final Intake intake;

  /** Where accepted and refused deliveries go, grouped to keep the constructor small. */
  @org.springframework.stereotype.Component
  record Intake(
      WebhookInbox inbox,
      WebhookJobs.EventScheduler jobs,
      WebhookRejections rejections,
      SyncSettings settings) {}

  StripeWebhooksController(
      ProviderDirectory providers, StripeWebhookSecrets secrets, Intake intake) {
    this.providers = providers;
    this.secrets = secrets;
    this.intake = intake;
  }

  @PostMapping(path = "/webhooks/stripe/{workspace}", consumes = "*/*")
  ResponseEntity<Map<String, Object>> receive(
      @PathVariable String workspace,
      @RequestBody(required = false) String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    if (!WORKSPACE.matcher(workspace).matches()
        || !providers.connected(new WorkspaceId(workspace), Provider.STRIPE)) {
      return refuse("No Stripe webhook endpoint is registered for this URL.");
    }
    WorkspaceId id = new WorkspaceId(workspace);
    if (!intake.settings().syncEnabled(id)) {
      // Send-only: our endpoint is gone, but Stripe still retries what it sent before. Those are
      // acknowledged so the retries stop, and dropped unread.
      return ResponseEntity.ok(Map.of("received", true, "stored", false));
    }
    Optional<Secret> secret = secrets.current(id);
    if (secret.isEmpty()) {
      return refuse("No Stripe webhook endpoint is registered for this URL.");
    }
    String body = payload == null ? "" : payload;
    WebhookEvent event;
    try {
      event = verify(id, body, signature, List.of(secret.get()));
    } catch (InvoicingFailure e) {
      String reason = e.providerCode().orElse("UNVERIFIED");
      intake.rejections().count(id, Provider.STRIPE, reason);
      log.warn("Rejected a Stripe webhook delivery: {}", reason);
      return refuse("The Stripe-Signature header does not prove this payload.");
    }
    if (intake.inbox().store(id, Provider.STRIPE, event, body)) {
      intake.jobs().schedule(Provider.STRIPE, event.id());
    }
    return ResponseEntity.ok(Map.of("received", true));
  }

  /**
   * Verifies with the current secret, then with the one it replaced while that is within its grace
   * period: retries of deliveries signed before the endpoint was re-created still count.
   */
  private WebhookEvent verify(
      WorkspaceId workspace, String payload, String signature, List<Secret> current) {
    var stripe = providers.forWorkspace(workspace, Provider.STRIPE);
    try {
      return stripe.verifyWebhook(payload, signature, current);
    } catch (InvoicingFailure e) {
      List<Secret> previous = secrets.previous(workspace);
      if (previous.isEmpty() || !"NO_MATCHING_SIGNATURE".equals(e.providerCode().orElse(""))) {
        throw e;
      }
      return stripe.verifyWebhook(payload, signature, previous);
    }
  }

  private static ResponseEntity<Map<String, Object>> refuse(String message) {
    return ResponseEntity.badRequest().body(Map.of("error", message));
  }
}
