package dev.invoicebridge.connection;

import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.Workspaces;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * One health component per connection, from the latest recorded check. A failing connection reports
 * DEGRADED (HTTP 200): the service still runs, so a load balancer must not drop it.
 */
@Component("connectionsHealthContributor")
class ConnectionsHealth implements CompositeHealthContributor {
  static final Status DEGRADED = new Status("DEGRADED");

  private final Connections connections;
  private final Workspaces workspaces;

  ConnectionsHealth(Connections connections, Workspaces workspaces) {
    this.connections = connections;
    this.workspaces = workspaces;
  }

  @Override
  public HealthContributor getContributor(String name) {
    return indicators().get(name);
  }

  @Override
  public Stream<HealthContributors.Entry> stream() {
    return indicators().entrySet().stream()
        .map(e -> new HealthContributors.Entry(e.getKey(), e.getValue()));
  }

  private Map<String, HealthIndicator> indicators() {
    Map<String, HealthIndicator> byName = new LinkedHashMap<>();
    for (Workspace workspace : workspaces.all()) {
      String prefix =
          workspace.slug().equals(Workspaces.DEFAULT_SLUG) ? "" : workspace.slug() + "-";
      for (Connection c : connections.list(workspace.id())) {
        byName.put(prefix + c.kind().slug(), () -> health(c));
      }
    }
    return byName;
  }

  private static Health health(Connection c) {
    Health.Builder builder =
        c.lastCheck()
            .map(check -> check.ok() ? Health.up() : Health.status(DEGRADED))
            .orElseGet(Health::unknown)
            .withDetail("mode", c.mode().name().toLowerCase(java.util.Locale.ROOT));
    if (c.accountName() != null) {
      builder.withDetail("account", c.accountName());
    }
    c.lastCheck()
        .ifPresent(
            check ->
                builder
                    .withDetail("checked_at", check.at().toString())
                    .withDetail("message", check.message()));
    return builder.build();
  }
}
