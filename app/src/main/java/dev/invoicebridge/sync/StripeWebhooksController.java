package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
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
 * that is not proven.
 */
@RestController
class StripeWebhooksController {
  /** Where the endpoint's signing secret is kept in the workspace's vault. */
  static final String SECRET_NAME = "stripe.webhook_secret";

  private static final Logger log = LoggerFactory.getLogger(StripeWebhooksController.class);
  private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9-]{1,36}");

  private final ProviderDirectory providers;
  private final SecretVault vault;
  private final WebhookInbox inbox;
  private final WebhookJobs.EventScheduler jobs;

  StripeWebhooksController(
      ProviderDirectory providers,
      SecretVault vault,
      WebhookInbox inbox,
      WebhookJobs.EventScheduler jobs) {
    this.providers = providers;
    this.vault = vault;
    this.inbox = inbox;
    this.jobs = jobs;
  }

  @PostMapping(path = "/webhooks/stripe/{workspace}", consumes = "*/*")
  ResponseEntity<Map<String, Object>> receive(
      @PathVariable String workspace,
      @RequestBody(required = false) String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    Optional<Secret> secret =
        WORKSPACE.matcher(workspace).matches()
            ? vault.get(new WorkspaceId(workspace), SECRET_NAME)
            : Optional.empty();
    if (secret.isEmpty() || !providers.connected(new WorkspaceId(workspace), Provider.STRIPE)) {
      return refuse("No Stripe webhook endpoint is registered for this URL.");
    }
    WorkspaceId id = new WorkspaceId(workspace);
    WebhookEvent event;
    try {
      event =
          providers
              .forWorkspace(id, Provider.STRIPE)
              .verifyWebhook(payload == null ? "" : payload, signature, List.of(secret.get()));
    } catch (InvoicingFailure e) {
      log.warn("Rejected a Stripe webhook delivery: {}", e.providerCode().orElse("unverified"));
      return refuse("The Stripe-Signature header does not prove this payload.");
    }
    if (inbox.store(id, Provider.STRIPE, event, payload)) {
      jobs.schedule(Provider.STRIPE, event.id());
    }
    return ResponseEntity.ok(Map.of("received", true));
  }

  private static ResponseEntity<Map<String, Object>> refuse(String message) {
    return ResponseEntity.badRequest().body(Map.of("error", message));
  }
}
