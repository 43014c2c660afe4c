package dev.invoicebridge.api;

import dev.invoicebridge.connection.Connection;
import dev.invoicebridge.connection.MissingPermission;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A connection as the admin API shows it: where it points, what the latest check found, and the
 * permissions its key lacks. Never a credential.
 *
 * @param environment {@code test} or {@code live} for Stripe, else null
 */
record ConnectionView(
    String kind,
    String mode,
    String accountName,
    String environment,
    String status,
    Instant lastCheckedAt,
    String message,
    List<PermissionView> missingPermissions,
    Instant connectedAt) {

  /** One missing permission: Stripe's id, and its name and level in the Dashboard. */
  record PermissionView(String id, String name, String setting, String level) {
    static PermissionView of(MissingPermission p) {
      return new PermissionView(p.id(), p.name(), p.resource(), p.level());
    }
  }

  static ConnectionView of(Connection c) {
    return new ConnectionView(
        c.kind().slug(),
        c.mode().name().toLowerCase(Locale.ROOT),
        c.accountName(),
        c.environment().orElse(null),
        c.lastCheck().map(check -> check.ok() ? "ok" : "failing").orElse("unchecked"),
        c.lastCheck().map(Connection.Check::at).orElse(null),
        c.lastCheck().map(Connection.Check::message).orElse(null),
        c.missingPermissions().stream().map(PermissionView::of).toList(),
        c.connectedAt());
  }
}
