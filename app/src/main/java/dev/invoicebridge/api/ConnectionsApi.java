package dev.invoicebridge.api;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.sync.Applied;
import dev.invoicebridge.sync.StripeConnectFailure;
import dev.invoicebridge.sync.StripeConnector;
import dev.invoicebridge.sync.StripeConnector.Outcome;
import dev.invoicebridge.sync.StripeWebhookHealth;
import dev.invoicebridge.sync.WebhookHealth;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's connections (admin scope): their health and missing permissions; Stripe connected
 * with a pasted key, disconnected, or pointed back at the sandbox; its webhook health. No response
 * ever carries a key or a secret.
 */
@RestController
@RequestMapping("/api/v1/connections")
class ConnectionsApi {
  private final Connections connections;
  private final StripeConnector stripe;
  private final StripeWebhookHealth webhooks;

  ConnectionsApi(Connections connections, StripeConnector stripe, StripeWebhookHealth webhooks) {
    this.connections = connections;
    this.stripe = stripe;
    this.webhooks = webhooks;
  }

  /** The key an admin pasted; kept out of every string this object turns into. */
  record KeyRequest(String secretKey) {
    @Override
    public String toString() {
      return "KeyRequest[secretKey=redacted]";
    }
  }

  record ConnectionList(List<ConnectionView> connections) {}

  /** A change to the Stripe connection: the connection now (null once disconnected), and notes. */
  record ChangeView(ConnectionView connection, List<String> notes, List<String> warnings) {
    static ChangeView of(Outcome outcome) {
      Applied applied = outcome.applied();
      return new ChangeView(
          outcome.connection().map(ConnectionView::of).orElse(null),
          applied.notes(),
          applied.warnings());
    }
  }

  /** The Stripe connection with its webhook health. */
  record StripeView(ConnectionView connection, WebhookView webhook) {}

  /** Webhook health: our endpoint at Stripe, and what arrived. */
  record WebhookView(
      String url,
      boolean syncOn,
      boolean registered,
      String status,
      List<String> enabledEvents,
      String unreadable,
      Instant lastEventReceivedAt,
      long failingEvents,
      List<WebhookHealth.FailingEvent> failures,
      long rejectedLast24h) {
    static WebhookView of(WebhookHealth h) {
      return new WebhookView(
          h.url().toString(),
          h.syncOn(),
          h.registered(),
          h.endpoint().map(e -> e.status()).orElse(null),
          h.endpoint().map(e -> e.enabledEvents()).orElse(List.of()),
          h.unreadable().orElse(null),
          h.lastEventAt().orElse(null),
          h.failingTotal(),
          h.failing(),
          h.rejectedLastDay());
    }
  }

  @GetMapping
  ConnectionList list() {
    return new ConnectionList(
        connections.list(workspace()).stream().map(ConnectionView::of).toList());
  }

  @GetMapping("/stripe")
  StripeView stripe() {
    WorkspaceId workspace = workspace();
    Connection connection = stripeConnection(workspace);
    return new StripeView(
        ConnectionView.of(connection), webhooks.of(workspace).map(WebhookView::of).orElse(null));
  }

  /** Connects Stripe with a secret or restricted key, probed before anything is stored. */
  @PutMapping("/stripe")
  ChangeView connect(@RequestBody KeyRequest request) {
    return ChangeView.of(stripe.connect(workspace(), request.secretKey()));
  }

  /** Removes our webhook endpoint at Stripe and forgets the key; the data stays. */
  @DeleteMapping("/stripe")
  ChangeView disconnect() {
    return ChangeView.of(stripe.disconnect(workspace()));
  }

  /** Points Stripe back at the built-in emulator (sandbox mode only). */
  @PostMapping("/stripe/sandbox")
  ChangeView reconnectSandbox() {
    return ChangeView.of(stripe.reconnectSandbox(workspace()));
  }

  /** Checks the connection now (for Stripe also its permissions and webhook endpoint). */
  @PostMapping("/{kind}/check")
  ConnectionView check(@PathVariable String kind) {
    WorkspaceId workspace = workspace();
    ConnectionKind parsed =
        Arrays.stream(ConnectionKind.values())
            .filter(k -> k.slug().equals(kind))
            .findFirst()
            .orElseThrow(() -> new NotFound("There is no connection called " + kind + "."));
    Connection connection =
        connections
            .get(workspace, parsed)
            .orElseThrow(() -> new NotFound(parsed.displayName() + " is not connected."));
    connections.check(connection);
    return ConnectionView.of(connections.get(workspace, parsed).orElseThrow());
  }

  @ExceptionHandler(StripeConnectFailure.class)
  ProblemDetail connectFailure(StripeConnectFailure e) {
    HttpStatus status =
        switch (e.reason()) {
          case STRIPE_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
          case SANDBOX_UNAVAILABLE -> HttpStatus.CONFLICT;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(
        switch (e.reason()) {
          case STRIPE_UNAVAILABLE -> "Stripe unavailable";
          case SANDBOX_UNAVAILABLE -> "Sandbox unavailable";
        });
    return problem;
  }

  private Connection stripeConnection(WorkspaceId workspace) {
    return connections
        .get(workspace, ConnectionKind.STRIPE)
        .orElseThrow(() -> new NotFound("Stripe is not connected."));
  }

  private static WorkspaceId workspace() {
    return CurrentActor.get().workspaceId();
  }
}
