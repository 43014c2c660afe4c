package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Stripe webhook endpoint's signing secrets in the vault: the current one, and for a while the
 * one it replaced. Stripe keeps retrying deliveries signed with the old secret after an endpoint is
 * re-created, so those must still verify until {@link #GRACE} has passed.
 */
@Component
class StripeWebhookSecrets {
  static final String CURRENT = "stripe.webhook_secret";
  static final String PREVIOUS = "stripe.webhook_secret.previous";

  /** Stripe retries a delivery for up to three days; most arrive within a day. */
  static final Duration GRACE = Duration.ofHours(24);

  private final SecretVault vault;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final List<Consumer<WorkspaceId>> changeListeners = new CopyOnWriteArrayList<>();

  StripeWebhookSecrets(SecretVault vault, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.vault = vault;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** Calls {@code listener} after every replacement or removal of a workspace's secrets. */
  void whenChanged(Consumer<WorkspaceId> listener) {
    changeListeners.add(listener);
  }

  Optional<Secret> current(WorkspaceId workspace) {
    return vault.get(workspace, CURRENT);
  }

  boolean stored(WorkspaceId workspace) {
    return vault.contains(workspace, CURRENT);
  }

  /** The replaced secret while it is still within its grace period. */
  List<Secret> previous(WorkspaceId workspace) {
    boolean valid =
        jdbc.sql(
                    "select count(*) from webhook_secret_grace where workspace_id = ?"
                        + " and provider = ? and valid_until > ?")
                .params(workspace.value(), Provider.STRIPE.name(), Timestamp.from(clock.instant()))
                .query(Long.class)
                .single()
            > 0;
    return valid ? vault.get(workspace, PREVIOUS).stream().toList() : List.of();
  }

  /** Stores a new endpoint's secret; the one it replaces keeps verifying for {@link #GRACE}. */
  void replace(WorkspaceId workspace, Secret fresh) {
    tx.executeWithoutResult(
        status -> {
          Optional<Secret> old = current(workspace);
          if (old.isPresent()) {
            vault.put(workspace, PREVIOUS, old.get());
            graceUntil(workspace, Timestamp.from(clock.instant().plus(GRACE)));
          }
          vault.put(workspace, CURRENT, fresh);
        });
    changed(workspace);
  }

  /** Forgets every secret: the endpoint is gone. */
  void forget(WorkspaceId workspace) {
    tx.executeWithoutResult(
        status -> {
          vault.delete(workspace, CURRENT);
          vault.delete(workspace, PREVIOUS);
          jdbc.sql("delete from webhook_secret_grace where workspace_id = ? and provider = ?")
              .params(workspace.value(), Provider.STRIPE.name())
              .update();
        });
    changed(workspace);
  }

  private void changed(WorkspaceId workspace) {
    changeListeners.forEach(l -> l.accept(workspace));
  }

  private void graceUntil(WorkspaceId workspace, Timestamp until) {
    int updated =
        jdbc.sql(
                "update webhook_secret_grace set valid_until = ? where workspace_id = ?"
                    + " and provider = ?")
            .params(until, workspace.value(), Provider.STRIPE.name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into webhook_secret_grace (workspace_id, provider, valid_until)"
                  + " values (?, ?, ?)")
          .params(workspace.value(), Provider.STRIPE.name(), until)
          .update();
    }
  }
}
