package dev.invoicebridge.backfill;

import dev.invoicebridge.backfill.SyncJob.Counts;
import dev.invoicebridge.backfill.SyncJob.Progress;
import dev.invoicebridge.backfill.SyncJob.Times;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Starts backfills and reads sync jobs. A workspace has at most one Stripe backfill at a time:
 * asking again while one is queued or running answers with that one.
 */
@Service
public class Backfills {
  /** The kind (and task name) of the Stripe backfill. */
  public static final String STRIPE_BACKFILL = "stripe-backfill";

  private final SyncJobs jobs;
  private final ProviderDirectory providers;
  private final BackfillJobs.BackfillScheduler scheduler;
  private final SyncSettings settings;
  private final Clock clock;

  Backfills(
      SyncJobs jobs,
      ProviderDirectory providers,
      BackfillJobs.BackfillScheduler scheduler,
      Schedules more) {
    this.jobs = jobs;
    this.providers = providers;
    this.scheduler = scheduler;
    this.settings = more.settings();
    this.clock = more.clock();
  }

  /** The remaining collaborators, grouped to keep the constructor small. */
  @org.springframework.stereotype.Component
  record Schedules(SyncSettings settings, Clock clock) {}

  /**
   * Sync is off (send-only): there is no invoices object to fill, and a backfill would create one.
   */
  public static final class SyncIsOff extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyncIsOff() {
      super("Sync invoices is off (send-only); turn it on in Settings to import Stripe invoices.");
    }
  }

  /** The job, and whether this call created it (false: it was already queued or running). */
  public record Started(SyncJob job, boolean created) {}

  /**
   * Starts a backfill of every Stripe invoice created until now, or finds the one in progress.
   *
   * @throws ProviderNotConnected when the workspace has no Stripe connection
   * @throws SyncIsOff when the workspace is send-only
   */
  public Started startStripe(WorkspaceId workspace) {
    if (!providers.connected(workspace, Provider.STRIPE)) {
      throw new ProviderNotConnected(Provider.STRIPE);
    }
    if (!settings.syncEnabled(workspace)) {
      throw new SyncIsOff();
    }
    // Stripe's created is in whole seconds; invoices of this second on are left to webhooks.
    Instant now = clock.instant();
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<SyncJob> running = jobs.active(workspace, STRIPE_BACKFILL);
      if (running.isPresent()) {
        scheduler.schedule(running.get());
        return new Started(running.get(), false);
      }
      SyncJob fresh = queued(workspace, now);
      if (jobs.create(fresh)) {
        scheduler.schedule(fresh);
        return new Started(jobs.get(workspace, fresh.id()).orElseThrow(), true);
      }
      // Another request created one between our read and our insert: answer with that one.
    }
    throw new IllegalStateException("backfills of this workspace kept starting and finishing");
  }

  public Optional<SyncJob> get(WorkspaceId workspace, SyncJobId id) {
    return jobs.get(workspace, id);
  }

  /** The workspace's sync jobs, newest first. */
  public List<SyncJob> recent(WorkspaceId workspace, int limit) {
    return jobs.recent(workspace, limit);
  }

  /** The Stripe backfill in progress, else the latest one. */
  public Optional<SyncJob> latestStripe(WorkspaceId workspace) {
    return jobs.active(workspace, STRIPE_BACKFILL)
        .or(
            () ->
                jobs.recent(workspace, 20).stream()
                    .filter(j -> j.kind().equals(STRIPE_BACKFILL))
                    .findFirst());
  }

  private static SyncJob queued(WorkspaceId workspace, Instant now) {
    return new SyncJob(
        SyncJobId.random(),
        workspace,
        STRIPE_BACKFILL,
        JobStatus.QUEUED,
        now.truncatedTo(ChronoUnit.SECONDS),
        Optional.empty(),
        Optional.empty(),
        Counts.ZERO,
        new Progress(Optional.empty(), Optional.empty(), 0),
        new Times(now, Optional.empty(), now, Optional.empty()),
        Optional.empty());
  }
}
