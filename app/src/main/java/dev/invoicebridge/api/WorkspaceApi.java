package dev.invoicebridge.api;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.security.Actor;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's workspace and the state of its connections. */
@RestController
@RequestMapping("/api/v1/workspace")
class WorkspaceApi {
  private final Workspaces workspaces;
  private final Connections connections;

  WorkspaceApi(Workspaces workspaces, Connections connections) {
    this.workspaces = workspaces;
    this.connections = connections;
  }

  /** A connection as the API shows it: mode, account and last check, never a credential. */
  record ConnectionView(
      String kind,
      String mode,
      String accountName,
      String status,
      Instant lastCheckedAt,
      String message) {
    static ConnectionView of(Connection c) {
      return new ConnectionView(
          c.kind().slug(),
          c.mode().name().toLowerCase(Locale.ROOT),
          c.accountName(),
          c.lastCheck().map(check -> check.ok() ? "ok" : "failing").orElse("unchecked"),
          c.lastCheck().map(Connection.Check::at).orElse(null),
          c.lastCheck().map(Connection.Check::message).orElse(null));
    }
  }

  /** The workspace with its connections. */
  record WorkspaceView(
      String id, String slug, String name, String role, List<ConnectionView> connections) {}

  @GetMapping
  WorkspaceView get() {
    Actor actor = CurrentActor.get();
    Workspace workspace = workspaces.byId(actor.workspaceId()).orElseThrow();
    return new WorkspaceView(
        workspace.id().value(),
        workspace.slug(),
        workspace.name(),
        actor.role().slug(),
        connections.list(workspace.id()).stream().map(ConnectionView::of).toList());
  }
}
