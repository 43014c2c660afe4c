package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.InvoicingProvider;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether a workspace's Stripe webhook endpoint takes deliveries, and with which signing secret.
 * Read from the database that costs four reads and two decryptions per delivery, so an open gate is
 * kept for {@link #TTL}. Only an open gate is kept: a refusal or a drop is always decided on what
 * is stored at that moment, so a change made elsewhere can never make this instance refuse or drop
 * a delivery it should take. Changes made on this instance (sync switch, endpoint secret, Stripe
 * connection) close the kept gate at once; changes made by another instance are seen here within
 * {@link #TTL}.
 */
@Component
class WebhookGate {
  /** How long an open gate is trusted without reading the database again. */
  static final Duration TTL = Duration.ofSeconds(5);

  /** What the stored state says about deliveries for a workspace. */
  sealed interface Admission permits Closed, SendOnly, Open {}

  /** No endpoint of ours answers here: Stripe is not connected, or no secret is stored. */
  record Closed() implements Admission {}

  /** Sync is off: Stripe's late retries are acknowledged and dropped. */
  record SendOnly() implements Admission {}

  /**
   * Deliveries signed with {@code secret} are taken; {@code kept} when this was not read just now.
   * Verifying needs no API key, so a kept provider whose key was replaced since verifies the same.
   */
  record Open(Secret secret, InvoicingProvider verifier, boolean kept) implements Admission {
    WebhookEvent verify(String payload, String signature) {
      return verifier.verifyWebhook(payload, signature, List.of(secret));
    }

    Optional<WebhookEvent> tryVerify(String payload, String signature) {
      try {
        return Optional.of(verify(payload, signature));
      } catch (InvoicingFailure e) {
        return Optional.empty();
      }
    }
  }

  private record Kept(Open gate, Instant until) {}

  private final ProviderDirectory providers;
  private final SyncSettings settings;
  private final StripeWebhookSecrets secrets;
  private final Clock clock;
  private final Map<WorkspaceId, Kept> kept = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();

  WebhookGate(
      ProviderDirectory providers,
      SyncSettings settings,
      StripeWebhookSecrets secrets,
      Clock clock) {
    this.providers = providers;
    this.settings = settings;
    this.secrets = secrets;
    this.clock = clock;
    settings.whenSaved(this::forget);
    secrets.whenChanged(this::forget);
  }

  /** The kept gate while it is fresh, else what is stored. */
  Admission admit(WorkspaceId workspace) {
    Kept gate = kept.get(workspace);
    if (gate != null && clock.instant().isBefore(gate.until())) {
      return gate.gate();
    }
    return read(workspace);
  }

  /** What is stored now; kept when it is open. */
  Admission read(WorkspaceId workspace) {
    long seen = changes.get();
    Instant readAt = clock.instant();
    Admission admission = stored(workspace);
    if (admission instanceof Open open) {
      Kept gate = new Kept(new Open(open.secret(), open.verifier(), true), readAt.plus(TTL));
      kept.put(workspace, gate);
      if (changes.get() != seen) {
        // Changed while we read: what we read may be the old state.
        kept.remove(workspace, gate);
      }
    } else {
      kept.remove(workspace);
    }
    return admission;
  }

  /**
   * Drops the kept gate: something it depends on changed on this instance. Inside a transaction
   * also once it has ended, since until the commit other connections still read the old state.
   */
  void forget(WorkspaceId workspace) {
    drop(workspace);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              drop(workspace);
            }
          });
    }
  }

  private void drop(WorkspaceId workspace) {
    changes.incrementAndGet();
    kept.remove(workspace);
  }

  private Admission stored(WorkspaceId workspace) {
    if (!providers.connected(workspace, Provider.STRIPE)) {
      return new Closed();
    }
    if (!settings.syncEnabled(workspace)) {
      return new SendOnly();
    }
    Optional<Secret> secret = secrets.current(workspace);
    if (secret.isEmpty()) {
      return new Closed();
    }
    return new Open(secret.get(), providers.forWorkspace(workspace, Provider.STRIPE), false);
  }
}
